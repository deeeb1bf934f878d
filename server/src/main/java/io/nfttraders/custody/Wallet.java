package io.nfttraders.custody;

import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.WalletId;
import java.util.Optional;
import java.util.UUID;

/** A custodial wallet: the signer derives its key at {@code m/44'/60'/0'/0/{id.index}}. */
public record Wallet(WalletId id, Address address, Optional<UUID> owner) {}
