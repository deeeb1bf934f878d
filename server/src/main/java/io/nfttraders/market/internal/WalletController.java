package io.nfttraders.market.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.txmanager.TransactionId;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's custodial wallet: deposit address and balances, withdrawals, wrapping. */
@RestController
class WalletController {

  record AmountRequest(@Nullable String amountWei, @Nullable String amount) {}

  private final WalletOperations operations;

  WalletController(WalletOperations operations) {
    this.operations = operations;
  }

  /** {@code address} is the deposit address: send ETH, WETH or NFTs there. */
  @GetMapping("/api/v1/wallet")
  WalletOperations.Balances wallet(Authentication authentication) {
    return operations.balances(CurrentUser.id(authentication));
  }

  @PostMapping("/api/v1/wallet/withdrawals")
  ResponseEntity<Map<String, Object>> withdraw(@RequestBody WalletOperations.Withdrawal request, Authentication authentication) {
    return accepted(operations.withdraw(CurrentUser.id(authentication), request));
  }

  @PostMapping("/api/v1/wallet/wrap")
  ResponseEntity<Map<String, Object>> wrap(@RequestBody AmountRequest request, Authentication authentication) {
    return accepted(operations.wrap(CurrentUser.id(authentication), true, request.amountWei(), request.amount()));
  }

  @PostMapping("/api/v1/wallet/unwrap")
  ResponseEntity<Map<String, Object>> unwrap(@RequestBody AmountRequest request, Authentication authentication) {
    return accepted(operations.wrap(CurrentUser.id(authentication), false, request.amountWei(), request.amount()));
  }

  private static ResponseEntity<Map<String, Object>> accepted(TransactionId id) {
    return ResponseEntity.accepted().location(URI.create("/api/v1/transactions/" + id.value())).body(Map.of("transactionId", id.value()));
  }
}
