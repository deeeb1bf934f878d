package io.nfttraders.txmanager.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionNotFound;
import io.nfttraders.txmanager.TransactionView;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TransactionsController {

  private final TransactionManager manager;
  private final TransactionRows rows;

  TransactionsController(TransactionManager manager, TransactionRows rows) {
    this.manager = manager;
    this.rows = rows;
  }

  /** A transaction requested by the caller (others' transactions are not found, not forbidden: ids don't leak). */
  @GetMapping("/api/v1/transactions/{id}")
  TransactionView transaction(@PathVariable String id, Authentication authentication) {
    UUID caller = CurrentUser.id(authentication);
    TransactionId txId;
    try {
      txId = TransactionId.parse(id);
    } catch (IllegalArgumentException e) {
      throw new TransactionNotFound(id);
    }
    if (!rows.isRequestedBy(txId, caller)) {
      throw new TransactionNotFound(id);
    }
    return manager.find(txId).orElseThrow(() -> new TransactionNotFound(id));
  }

  @GetMapping("/api/v1/user/transactions")
  List<TransactionView> mine(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
    return manager.requestedBy(CurrentUser.id(authentication), Math.clamp(limit, 1, 200));
  }
}
