package io.nfttraders.txmanager.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionNotFound;
import io.nfttraders.txmanager.TransactionView;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TransactionsController {

  /** A transaction with the tokens it minted, as far as the indexer has seen them. */
  record TransactionResponse(
      String id, long chainId, String kind, String from, @Nullable String contract, @Nullable Long nonce, @Nullable String hash, String status,
      @Nullable Long blockNumber, @Nullable Long gasUsed, @Nullable String error, String createdAt, String updatedAt, List<String> tokenIds, List<TransactionView.StatusChange> history) {}

  private final TransactionManager manager;
  private final TransactionRows rows;
  private final IndexedNfts nfts;

  TransactionsController(TransactionManager manager, TransactionRows rows, IndexedNfts nfts) {
    this.manager = manager;
    this.rows = rows;
    this.nfts = nfts;
  }

  /** A transaction requested by the caller (others' transactions are not found, not forbidden: ids don't leak). */
  @GetMapping("/api/v1/transactions/{id}")
  TransactionResponse transaction(@PathVariable String id, Authentication authentication) {
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
    return response(manager.find(txId).orElseThrow(() -> new TransactionNotFound(id)));
  }

  @GetMapping("/api/v1/user/transactions")
  List<TransactionResponse> mine(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
    return manager.requestedBy(CurrentUser.id(authentication), Math.clamp(limit, 1, 200)).stream().map(this::response).toList();
  }

  private TransactionResponse response(TransactionView tx) {
    List<String> tokenIds = tx.hash() == null || tx.blockNumber() == null ? List.of()
        : nfts.mintedBy(tx.hash()).stream().map(t -> t.token().tokenId().toString()).toList();
    return new TransactionResponse(tx.id().toString(), tx.chainId().value(), tx.kind(), tx.from().checksummed(), tx.to() == null ? null : tx.to().checksummed(), tx.nonce(), tx.hash(), tx.status().name(),
        tx.blockNumber(), tx.gasUsed(), tx.error(), tx.createdAt().toString(), tx.updatedAt().toString(), tokenIds, tx.history());
  }
}
