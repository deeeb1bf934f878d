package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenKey;
import io.nfttraders.indexer.TokenView;
import io.nfttraders.indexer.TransferView;
import io.nfttraders.minting.MintedMetadata;
import io.nfttraders.market.internal.GraphQlNodes.ActivityNode;
import io.nfttraders.market.internal.GraphQlNodes.AttributeNode;
import io.nfttraders.market.internal.GraphQlNodes.CollectionNode;
import io.nfttraders.market.internal.GraphQlNodes.CollectionStats;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.GraphQlNodes.NftConnection;
import io.nfttraders.market.internal.GraphQlNodes.NftEdge;
import io.nfttraders.market.internal.GraphQlNodes.NftMetadataNode;
import io.nfttraders.market.internal.GraphQlNodes.NftNode;
import io.nfttraders.market.internal.GraphQlNodes.OfferNode;
import io.nfttraders.market.internal.GraphQlNodes.PageInfo;
import io.nfttraders.market.internal.GraphQlNodes.UserNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.web3j.crypto.Keys;

/**
 * The GraphQL read API. Fields that fan out per item (a listing's NFT, an NFT's listings, offers
 * and history) are batch-loaded: one query per field per request, however many items a page has.
 * The listings page itself is {@link ListingsField}.
 */
@Controller
class MarketGraphQl {


  private final ListingQueries listings;
  private final MarketReads reads;
  private final IndexedNfts nfts;
  private final MintedMetadata minted;
  private final long chainId;
  private final String weth;

  MarketGraphQl(ListingQueries listings, MarketReads reads, IndexedNfts nfts, MintedMetadata minted, DeployedContracts contracts) {
    this.listings = listings;
    this.reads = reads;
    this.nfts = nfts;
    this.minted = minted;
    this.chainId = contracts.chainId();
    this.weth = contracts.address("WETH").toLowerCase();
  }

  @QueryMapping
  @Nullable NftNode nft(@Argument String collection, @Argument String tokenId) {
    TokenKey key = new TokenKey(Inputs.address("collection", collection), Inputs.uint("tokenId", tokenId));
    return nodes(List.of(key)).get(key);
  }

  @QueryMapping
  CollectionNode collection(@Argument String address) {
    return new CollectionNode(chainId, Inputs.address("address", address));
  }

  @QueryMapping
  UserNode user(@Argument String address) {
    return new UserNode(chainId, Inputs.address("address", address));
  }

  @BatchMapping(typeName = "Listing", field = "nft")
  Map<ListingNode, NftNode> listingNfts(List<ListingNode> listed) {
    Map<TokenKey, NftNode> found = nodes(listed.stream().map(l -> new TokenKey(l.collection(), new BigInteger(l.tokenId()))).distinct().toList());
    Map<ListingNode, NftNode> result = new LinkedHashMap<>();
    for (ListingNode listing : listed) {
      TokenKey key = new TokenKey(listing.collection(), new BigInteger(listing.tokenId()));
      result.put(listing, found.getOrDefault(key, new NftNode(chainId, listing.collection(), listing.tokenId(), null, false)));
    }
    return result;
  }

  @BatchMapping(typeName = "Nft", field = "listings")
  Map<NftNode, List<ListingNode>> nftListings(List<NftNode> tokens) {
    Map<String, List<ListingNode>> byToken = listings.listingsOf(chainId, tokens, weth);
    return collect(tokens, t -> byToken.getOrDefault(key(t), List.of()));
  }

  @BatchMapping(typeName = "Nft", field = "metadata")
  Map<NftNode, NftMetadataNode> nftMetadata(List<NftNode> tokens) {
    Map<TokenKey, MintedMetadata.Metadata> found = minted.of(chainId, tokens.stream().map(t -> new TokenKey(t.collection().toLowerCase(), t.id())).toList());
    Map<NftNode, NftMetadataNode> result = new LinkedHashMap<>();
    for (NftNode token : tokens) {
      MintedMetadata.Metadata m = found.get(new TokenKey(token.collection().toLowerCase(), token.id()));
      if (m != null) {
        result.put(token, new NftMetadataNode(m.name(), m.description(), m.imageCid() == null ? null : "/ipfs/" + m.imageCid(),
            m.attributes().stream().map(a -> new AttributeNode(a.traitType(), a.value())).toList()));
      }
    }
    return result;
  }

  @BatchMapping(typeName = "Nft", field = "offers")
  Map<NftNode, List<OfferNode>> nftOffers(List<NftNode> tokens) {
    Map<String, List<OfferNode>> byToken = reads.offersOf(chainId, tokens);
    return collect(tokens, t -> byToken.getOrDefault(key(t), List.of()));
  }

  @BatchMapping(typeName = "Nft", field = "history")
  Map<NftNode, List<ActivityNode>> nftHistory(List<NftNode> tokens) {
    List<TokenKey> keys = tokens.stream().map(t -> new TokenKey(t.collection(), t.id())).toList();
    Map<String, List<ActivityNode>> market = reads.activityOf(chainId, tokens);
    Map<TokenKey, List<TransferView>> transfers = nfts.recentTransfers(chainId, keys, 100);
    return collect(tokens, t -> {
      List<ActivityNode> history = new ArrayList<>(market.getOrDefault(key(t), List.of()));
      for (TransferView transfer : transfers.getOrDefault(new TokenKey(t.collection(), t.id()), List.of())) {
        boolean mint = transfer.from().equals(ExchangeOrder.ETH);
        history.add(new ActivityNode(mint ? "MINT" : "TRANSFER", mint ? null : Keys.toChecksumAddress(transfer.from()),
            Keys.toChecksumAddress(transfer.to()), null, null, transfer.transactionHash(), (double) transfer.blockNumber(), null));
      }
      return history.size() > 100 ? history.subList(0, 100) : history;
    });
  }

  @SchemaMapping(typeName = "Collection", field = "stats")
  CollectionStats stats(CollectionNode collection) {
    IndexedNfts.CollectionCounts counts = nfts.counts(collection.chainId(), collection.address());
    return reads.stats(collection.address(), counts);
  }

  @SchemaMapping(typeName = "Collection", field = "activity")
  List<ActivityNode> collectionActivity(CollectionNode collection, @Argument int first) {
    return reads.activity("collection", collection.address(), ListingsField.pageSize(first));
  }

  /** Every token of the collection, highest token id (newest) first; the cursor is the last token id seen. */
  @SchemaMapping(typeName = "Collection", field = "items")
  NftConnection collectionItems(CollectionNode collection, @Argument int first, @Argument @Nullable String after) {
    int size = ListingsField.pageSize(first);
    List<TokenView> tokens = nfts.inCollection(collection.chainId(), collection.address(), after == null ? null : Inputs.uint("after", after), size + 1);
    List<NftEdge> edges = tokens.stream().limit(size).map(t -> new NftEdge(t.tokenId().toString(), node(t))).toList();
    return new NftConnection(edges, new PageInfo(tokens.size() > size, edges.isEmpty() ? null : edges.getLast().cursor()));
  }

  @SchemaMapping(typeName = "Collection", field = "address")
  String collectionAddress(CollectionNode collection) {
    return Keys.toChecksumAddress(collection.address());
  }

  @SchemaMapping(typeName = "UserProfile", field = "address")
  String userAddress(UserNode user) {
    return Keys.toChecksumAddress(user.address());
  }

  @SchemaMapping(typeName = "UserProfile", field = "nfts")
  List<NftNode> userNfts(UserNode user, @Argument int first) {
    return nfts.ownedBy(user.address(), ListingsField.pageSize(first)).stream().map(MarketGraphQl::node).toList();
  }

  @SchemaMapping(typeName = "UserProfile", field = "listings")
  List<ListingNode> userListings(UserNode user) {
    return reads.listingsBy(user.address(), weth);
  }

  @SchemaMapping(typeName = "UserProfile", field = "offers")
  List<OfferNode> userOffers(UserNode user) {
    return reads.offersBy(user.address());
  }

  @SchemaMapping(typeName = "UserProfile", field = "activity")
  List<ActivityNode> userActivity(UserNode user, @Argument int first) {
    return reads.activity("user", user.address(), ListingsField.pageSize(first));
  }

  private Map<TokenKey, NftNode> nodes(List<TokenKey> keys) {
    Map<TokenKey, NftNode> found = new LinkedHashMap<>();
    nfts.tokens(chainId, keys).forEach(t -> found.put(new TokenKey(t.contract(), t.tokenId()), node(t)));
    return found;
  }

  private static NftNode node(TokenView t) {
    return new NftNode(t.chainId(), Keys.toChecksumAddress(t.contract()), t.tokenId().toString(), owner(t.owner()), t.burned());
  }

  private static @Nullable String owner(@Nullable String owner) {
    return owner == null ? null : Keys.toChecksumAddress(owner);
  }

  private static String key(NftNode nft) {
    return nft.collection().toLowerCase() + "/" + nft.tokenId();
  }

  private static <V> Map<NftNode, V> collect(List<NftNode> tokens, java.util.function.Function<NftNode, V> value) {
    Map<NftNode, V> result = new LinkedHashMap<>();
    tokens.forEach(t -> result.put(t, value.apply(t)));
    return result;
  }
}
