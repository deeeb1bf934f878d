package io.nfttraders.collections;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenStandard;
import java.util.UUID;

/**
 * A creator's own collection.
 *
 * @param creator the account that asked for it
 * @param owner the wallet that administers it (and mints into it)
 * @param royalty what every sale of its tokens pays, as last set through us
 * @param created whether the factory's transaction is mined on the canonical chain
 */
public record CreatorCollection(ChainId chainId, Address address, TokenStandard standard, UUID creator, Address owner, String name, String symbol,
    Royalty royalty, boolean created) {}
