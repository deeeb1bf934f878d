package io.nfttraders.custody;

import java.util.UUID;

/** Published when a user's custodial wallet exists (e.g. so the dev chain can fund it). */
public record WalletOpened(UUID userId, long walletIndex, String address) {}
