package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.market.internal.GraphQlNodes.AttributeNode;
import io.nfttraders.market.internal.GraphQlNodes.MetadataFetchNode;
import io.nfttraders.market.internal.GraphQlNodes.NftMetadataNode;
import io.nfttraders.market.internal.GraphQlNodes.NftNode;
import io.nfttraders.metadata.ForeignMetadata;
import io.nfttraders.minting.MintedMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * An NFT's metadata: what it was minted with through us, else what its contract's URI gave (for
 * tokens minted elsewhere), and how reading the latter went. Both batch-loaded.
 */
@Controller
class NftMetadataGraphQl {

  private final MintedMetadata minted;
  private final ForeignMetadata foreign;
  private final long chainId;

  NftMetadataGraphQl(MintedMetadata minted, ForeignMetadata foreign, DeployedContracts contracts) {
    this.minted = minted;
    this.foreign = foreign;
    this.chainId = contracts.chainId().value();
  }

  @BatchMapping(typeName = "Nft", field = "metadata")
  Map<NftNode, NftMetadataNode> metadata(List<NftNode> tokens) {
    List<TokenRef> refs = tokens.stream().map(this::ref).toList();
    Map<TokenRef, MintedMetadata.Metadata> ours = minted.of(refs);
    Map<TokenRef, ForeignMetadata.TokenMetadata> theirs = foreign.of(refs.stream().filter(r -> !ours.containsKey(r)).toList());
    Map<NftNode, NftMetadataNode> result = new LinkedHashMap<>();
    for (NftNode token : tokens) {
      TokenRef ref = ref(token);
      MintedMetadata.Metadata m = ours.get(ref);
      ForeignMetadata.TokenMetadata f = theirs.get(ref);
      if (m != null) {
        result.put(token, new NftMetadataNode(m.name(), m.description(), image(m.imageCid()),
            m.attributes().stream().map(a -> new AttributeNode(a.traitType(), a.value())).toList()));
      } else if (f != null && f.hasContent()) {
        result.put(token, new NftMetadataNode(f.name() == null ? "#" + token.tokenId() : f.name(), f.description(), image(f.imageCid()),
            f.attributes().stream().map(a -> new AttributeNode(a.traitType(), a.value())).toList()));
      }
    }
    return result;
  }

  @BatchMapping(typeName = "Nft", field = "metadataFetch")
  Map<NftNode, MetadataFetchNode> metadataFetch(List<NftNode> tokens) {
    Map<TokenRef, ForeignMetadata.TokenMetadata> theirs = foreign.of(tokens.stream().map(this::ref).toList());
    Map<NftNode, MetadataFetchNode> result = new LinkedHashMap<>();
    for (NftNode token : tokens) {
      ForeignMetadata.TokenMetadata f = theirs.get(ref(token));
      if (f != null) {
        result.put(token, new MetadataFetchNode(f.state().name(), f.problem()));
      }
    }
    return result;
  }

  private static @Nullable String image(@Nullable String cid) {
    return cid == null ? null : "/ipfs/" + cid;
  }

  private TokenRef ref(NftNode token) {
    return new TokenRef(ChainId.of(chainId), Address.parse(token.collection()), token.id());
  }
}
