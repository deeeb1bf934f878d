package io.nfttraders.custody;

import io.nfttraders.ethereum.Address;
import java.util.UUID;

/** Published when a user's custodial wallet exists (e.g. so the dev chain can fund it). */
public record WalletOpened(UUID userId, long walletIndex, Address address) {}
