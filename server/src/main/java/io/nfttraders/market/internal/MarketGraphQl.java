package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.TokenRoyalties;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenView;
import io.nfttraders.indexer.TransferView;
import io.nfttraders.market.internal.GraphQlNodes.ActivityNode;
import io.nfttraders.market.internal.GraphQlNodes.CollectionNode;
import io.nfttraders.market.internal.GraphQlNodes.CollectionStats;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.GraphQlNodes.NftConnection;
import io.nfttraders.market.internal.GraphQlNodes.NftEdge;
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
  private final long chainId;
  private final String weth;
  private final TokenRoyalties royalties;

  MarketGraphQl(ListingQueries listings, MarketReads reads, IndexedNfts nfts, DeployedContracts contracts, TokenRoyalties royalties) {
    this.listings = listings;
    this.reads = reads;
    this.nfts = nfts;
    this.chainId = contracts.chainId().value();
    this.weth = contracts.weth().address().hex();
    this.royalties = royalties;
  }

  @QueryMapping
  @Nullable NftNode nft(@Argument String collection, @Argument String tokenId) {
    TokenRef key = ref(Inputs.address("collection", collection).hex(), Inputs.uint("tokenId", tokenId));
    return nodes(List.of(key)).get(key);
  }

  @QueryMapping
  CollectionNode collection(@Argument String address) {
    return new CollectionNode(chainId, Inputs.address("address", address).hex());
  }

  @QueryMapping
  UserNode user(@Argument String address) {
    return new UserNode(chainId, Inputs.address("address", address).hex());
  }

  @BatchMapping(typeName = "Listing", field = "nft")
  Map<ListingNode, NftNode> listingNfts(List<ListingNode> listed) {
    Map<TokenRef, NftNode> found = nodes(listed.stream().map(l -> ref(l.collection(), new BigInteger(l.tokenId()))).distinct().toList());
    Map<ListingNode, NftNode> result = new LinkedHashMap<>();
    for (ListingNode listing : listed) {
      TokenRef key = ref(listing.collection(), new BigInteger(listing.tokenId()));
      result.put(listing, found.getOrDefault(key, new NftNode(chainId, listing.collection(), listing.tokenId(), null, false, TokenStandard.ERC721.name())));
    }
    return result;
  }

  @BatchMapping(typeName = "Nft", field = "listings")
  Map<NftNode, List<ListingNode>> nftListings(List<NftNode> tokens) {
    Map<String, List<ListingNode>> byToken = listings.listingsOf(chainId, tokens, weth);
    return collect(tokens, t -> byToken.getOrDefault(key(t), List.of()));
  }

  @BatchMapping(typeName = "Nft", field = "offers")
  Map<NftNode, List<OfferNode>> nftOffers(List<NftNode> tokens) {
    Map<String, List<OfferNode>> byToken = reads.offersOf(chainId, tokens);
    return collect(tokens, t -> byToken.getOrDefault(key(t), List.of()));
  }

  @BatchMapping(typeName = "Nft", field = "history")
  Map<NftNode, List<ActivityNode>> nftHistory(List<NftNode> tokens) {
    List<TokenRef> keys = tokens.stream().map(t -> ref(t.collection(), t.id())).toList();
    Map<String, List<ActivityNode>> market = reads.activityOf(chainId, tokens);
    Map<TokenRef, List<TransferView>> transfers = nfts.recentTransfers(keys, 100);
    return collect(tokens, t -> {
      List<ActivityNode> history = new ArrayList<>(market.getOrDefault(key(t), List.of()));
      for (TransferView transfer : transfers.getOrDefault(ref(t.collection(), t.id()), List.of())) {
        boolean mint = transfer.from().isZero();
        history.add(new ActivityNode(mint ? "MINT" : "TRANSFER", mint ? null : transfer.from().checksummed(), transfer.to().checksummed(), null, null, transfer.transactionHash(), (double) transfer.blockNumber(), null));
      }
      return history.size() > 100 ? history.subList(0, 100) : history;
    });
  }

  @SchemaMapping(typeName = "Collection", field = "stats")
  CollectionStats stats(CollectionNode collection) {
    IndexedNfts.CollectionCounts counts = nfts.counts(ChainId.of(collection.chainId()), Address.of(collection.address()));
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
    List<TokenView> tokens = nfts.inCollection(ChainId.of(collection.chainId()), Address.of(collection.address()), after == null ? null : Inputs.uint("after", after), size + 1);
    List<NftEdge> edges = tokens.stream().limit(size).map(t -> new NftEdge(t.token().tokenId().toString(), node(t))).toList();
    return new NftConnection(edges, new PageInfo(tokens.size() > size, edges.isEmpty() ? null : edges.getLast().cursor()));
  }

  @SchemaMapping(typeName = "Collection", field = "address")
  String collectionAddress(CollectionNode collection) {
    return Address.of(collection.address()).checksummed();
  }

  /** Read from the token's contract (ERC-2981) when asked for: one call per NFT, so only where a page shows one. */
  @SchemaMapping(typeName = "Nft", field = "royalty")
  @Nullable Royalty royalty(NftNode nft) {
    return royalties.of(ref(nft.collection(), nft.id())).orElse(null);
  }

  /** An ERC-1155 token's copies across all its holders; null for an ERC-721 token. */
  @SchemaMapping(typeName = "Nft", field = "supply")
  @Nullable String supply(NftNode nft) {
    return TokenStandard.ERC1155.name().equals(nft.standard()) ? nfts.copies(ref(nft.collection(), nft.id())).toString() : null;
  }

  @SchemaMapping(typeName = "Nft", field = "copiesHeld")
  String copiesHeld(NftNode nft, @Argument String holder) {
    Address address = Inputs.address("holder", holder);
    if (TokenStandard.ERC1155.name().equals(nft.standard())) {
      return nfts.copiesHeld(ref(nft.collection(), nft.id()), address).toString();
    }
    return address.checksummed().equals(nft.owner()) ? "1" : "0";
  }

    @SchemaMapping(typeName = "Royalty", field = "receiver")
  String royaltyReceiver(Royalty royalty) {
    return royalty.receiver().checksummed();
  }

  @SchemaMapping(typeName = "UserProfile", field = "address")
  String userAddress(UserNode user) {
    return Address.of(user.address()).checksummed();
  }

  @SchemaMapping(typeName = "UserProfile", field = "nfts")
  List<NftNode> userNfts(UserNode user, @Argument int first) {
    return nfts.holdings(Address.of(user.address()), ListingsField.pageSize(first)).stream().map(h -> node(h.token())).toList();
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

  private Map<TokenRef, NftNode> nodes(List<TokenRef> keys) {
    Map<TokenRef, NftNode> found = new LinkedHashMap<>();
    nfts.tokens(keys).forEach(t -> found.put(t.token(), node(t)));
    return found;
  }

  private TokenRef ref(String collection, BigInteger tokenId) {
    return new TokenRef(ChainId.of(chainId), Address.of(collection), tokenId);
  }

  private static NftNode node(TokenView t) {
    TokenRef token = t.token();
    return new NftNode(token.chainId().value(), token.contract().checksummed(), token.tokenId().toString(),
        t.owner() == null ? null : t.owner().checksummed(), t.burned(), t.standard().name());
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
