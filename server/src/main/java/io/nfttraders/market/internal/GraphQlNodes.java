package io.nfttraders.market.internal;

import io.nfttraders.platform.UnicodeText;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** The GraphQL schema's object types, as records whose components are the fields (graphql/schema.graphqls). */
final class GraphQlNodes {

  private GraphQlNodes() {}

  /** {@code amount}: the copies of an ERC-1155 token it sells; "1" for an ERC-721 token. */
  record ListingNode(String hash, String collection, String tokenId, String amount, String maker, String priceWei, String price, String currency,
      String createdAt, @Nullable String endTime, @Nullable String name, long chainId) {}

  record ListingEdge(String cursor, ListingNode node) {}

  record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

  record ListingConnection(java.util.List<ListingEdge> edges, PageInfo pageInfo) {}

  record OfferNode(String hash, String maker, String amount, String priceWei, String price, boolean active, @Nullable String inactiveReason, String createdAt,
      @Nullable String endTime) {}

  /** {@code standard}: ERC721 or ERC1155; an ERC-1155 token has no owner, its copies are held by many. */
  record NftNode(long chainId, String collection, String tokenId, @Nullable String owner, boolean burned, String standard) {
    BigInteger id() {
      return new BigInteger(tokenId);
    }
  }

  record NftEdge(String cursor, NftNode node) {}

  record NftConnection(java.util.List<NftEdge> edges, PageInfo pageInfo) {}

  record ActivityNode(String kind, @Nullable String from, @Nullable String to, @Nullable String priceWei, @Nullable String currency,
      @Nullable String txHash, @Nullable Double blockNumber, @Nullable String at) {}

  record NftMetadataNode(String name, @Nullable String description, @Nullable String image, java.util.List<AttributeNode> attributes) {}

  record AttributeNode(String traitType, String value) {}

  /** How reading a token's metadata from its contract went: PENDING, FETCHED or BROKEN, and why, as plain text. */
  record MetadataFetchNode(String state, @Nullable String problem) {}

  record CollectionNode(long chainId, String address) {}

  record CollectionStats(@Nullable String floorPriceWei, String volumeWei, int salesCount, int owners, int items, int listed) {}

  record UserNode(long chainId, String address) {}

  /** One of a listing filter's traits: both parts plain text, as minted metadata's are. */
  record TraitFilter(String traitType, String value) {
    TraitFilter {
      if (traitType == null || value == null) {
        throw new MarketProblems.InvalidOrder("a trait filter needs a traitType and a value");
      }
      UnicodeText.defect(traitType).map(d -> "traitType " + d).or(() -> UnicodeText.defect(value).map(d -> "the trait value " + d))
          .ifPresent(defect -> {
            throw new MarketProblems.InvalidOrder(defect);
          });
    }
  }

  /** {@code search}: text the token's name contains, in any case (the web app's search box). */
  record ListingFilter(@Nullable String collection, @Nullable String minPriceWei, @Nullable String maxPriceWei, @Nullable String currency,
      java.util.@Nullable List<TraitFilter> traits, @Nullable String search) {}
}
