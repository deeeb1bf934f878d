package io.nfttraders.accounts.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.accounts.Role;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

  /**
   * @param email a custodial account's; null for a self-custody one
   * @param address a self-custody account's own address (EIP-55); null for a custodial one
   * @param walletAddress a custodial account's wallet
   */
  record Profile(UUID id, @Nullable String email, Role role, @Nullable String address, @Nullable String walletAddress, @Nullable Long walletIndex) {}

  private final Accounts accounts;
  private final CustodialWallets wallets;

  ProfileController(Accounts accounts, CustodialWallets wallets) {
    this.accounts = accounts;
    this.wallets = wallets;
  }

  @GetMapping("/api/v1/user/profile")
  Profile profile(Authentication authentication) {
    UUID id = CurrentUser.id(authentication);
    Accounts.User user = accounts.findById(id).orElseThrow(AuthProblems.AccountNotFound::new);
    var wallet = wallets.walletOf(id);
    return new Profile(user.id(), user.email(), user.role(), user.address() == null ? null : Address.of(user.address()).checksummed(),
        wallet.map(w -> w.address().checksummed()).orElse(null), wallet.map(w -> w.id().index()).orElse(null));
  }
}
