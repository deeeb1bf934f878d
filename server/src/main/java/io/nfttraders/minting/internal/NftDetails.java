package io.nfttraders.minting.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An NFT as the API shows it: the chain's facts (owner, provenance, and on a single NFT's answer its
 * ERC-2981 royalty as the contract answers it now) and our stored metadata.
 */
record NftDetails(
    ChainId chainId,
    Address contract,
    String tokenId,
    @Nullable Address owner,
    boolean burned,
    @Nullable String tokenUri,
    @Nullable JsonNode metadata,
    @Nullable String imageUrl,
    Mint mint,
    List<Transfer> provenance,
    @Nullable Royalty royalty,
    TokenStandard standard,
    @Nullable BigInteger copies) {

  /** The mint's chain facts and our status; not our internal transaction id, which is its requester's business. */
  record Mint(String transactionHash, long blockNumber, @Nullable String status) {}

  record Transfer(Address from, Address to, long blockNumber, String transactionHash) {}
}
