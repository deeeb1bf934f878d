package io.nfttraders.minting.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An NFT as the API shows it: the chain's facts (owner, provenance) and our stored metadata. */
record NftDetails(
    long chainId,
    String contract,
    String tokenId,
    @Nullable String owner,
    boolean burned,
    @Nullable String tokenUri,
    @Nullable JsonNode metadata,
    @Nullable String imageUrl,
    Mint mint,
    List<Transfer> provenance) {

  /** The mint's chain facts and our status; not our internal transaction id, which is its requester's business. */
  record Mint(String transactionHash, long blockNumber, @Nullable String status) {}

  record Transfer(String from, String to, long blockNumber, String transactionHash) {}
}
