package io.nfttraders.custody;

import io.nfttraders.signer.WalletId;

/**
 * Index 0 of the master seed belongs to the platform: it deploys our contracts and (later)
 * sponsors mints. User wallets start at index 1.
 */
public final class PlatformWallet {
  public static final WalletId ID = new WalletId(0);

  private PlatformWallet() {}
}
