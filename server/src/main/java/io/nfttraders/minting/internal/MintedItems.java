package io.nfttraders.minting.internal;

import io.nfttraders.content.Cid;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenView;
import io.nfttraders.minting.MintedMetadata;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the item a token was minted from: its mint transaction (from the indexer) names our mint,
 * and the token's place among the tokens that transaction minted names the item.
 */
@Component
class MintedItems implements MintedMetadata {

  record Item(String tokenUri, String metadata, String imageCid) {}

  /** An item of a mint: our transaction and the token's place among those it minted. */
  private record ItemRef(UUID transaction, int position) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final IndexedNfts nfts;
  private final TransactionManager transactions;
  private final JdbcClient jdbc;

  MintedItems(IndexedNfts nfts, TransactionManager transactions, JdbcClient jdbc) {
    this.nfts = nfts;
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  /** The item this token was minted from, if it was minted through us. */
  Optional<Item> item(TokenView token) {
    return Optional.ofNullable(items(List.of(token.token())).get(token.token()));
  }

  @Override
  public Optional<Metadata> of(TokenRef token) {
    return Optional.ofNullable(of(List.of(token)).get(token));
  }

  @Override
  public Map<TokenRef, Metadata> of(List<TokenRef> tokens) {
    Map<TokenRef, Metadata> metadata = new HashMap<>();
    items(tokens).forEach((key, item) -> metadata.put(key, parse(item.metadata(), item.imageCid())));
    return metadata;
  }

  /** Four queries whatever the number of tokens: the tokens, what their transactions minted, our transactions, our items. */
  private Map<TokenRef, Item> items(List<TokenRef> tokens) {
    List<TokenView> found = nfts.tokens(tokens);
    Set<String> hashes = found.stream().map(TokenView::mintTransactionHash).collect(Collectors.toSet());
    if (hashes.isEmpty()) {
      return Map.of();
    }
    Map<TokenRef, Item> items = lazyItems(found);
    Map<String, List<TokenView>> mintedTogether = nfts.mintedBy(hashes);
    Map<String, TransactionId> ours = transactions.idsByHash(hashes);
    Map<ItemRef, TokenRef> keyByItem = new HashMap<>();
    for (TokenView token : found) {
      TransactionId tx = ours.get(token.mintTransactionHash());
      if (tx != null) {
        List<BigInteger> together = mintedTogether.getOrDefault(token.mintTransactionHash(), List.of()).stream().map(t -> t.token().tokenId()).toList();
        keyByItem.put(new ItemRef(tx.value(), together.indexOf(token.token().tokenId())), token.token());
      }
    }
    jdbc.sql("""
            select m.transaction_id, i.position, i.token_uri, i.metadata, i.image_cid from mint_items i join mints m on m.id = i.mint_id
            where (m.transaction_id, i.position) in (select * from unnest(cast(:txs as uuid[]), cast(:positions as int[])))
            """)
        .param("txs", keyByItem.keySet().stream().map(ItemRef::transaction).toArray(UUID[]::new))
        .param("positions", keyByItem.keySet().stream().map(ItemRef::position).toArray(Integer[]::new))
        .query((rs, n) -> items.put(keyByItem.get(new ItemRef(rs.getObject(1, UUID.class), rs.getInt(2))),
            new Item(rs.getString(3), rs.getString(4), rs.getString(5))))
        .list();
    return items;
  }

  /** Tokens minted by redeeming a lazy mint's voucher: their item is the voucher's. */
  private Map<TokenRef, Item> lazyItems(List<TokenView> tokens) {
    Map<TokenRef, Item> items = new HashMap<>();
    jdbc.sql("""
            select chain_id, collection, token_id, metadata_digest, metadata_json, image_cid from lazy_mints
            where state = 'REDEEMED' and (chain_id, collection, token_id) in (select * from unnest(:chains::bigint[], :collections::text[], :tokens::numeric[]))
            """)
        .param("chains", tokens.stream().map(t -> t.token().chainId().value()).toArray(Long[]::new))
        .param("collections", tokens.stream().map(t -> t.token().contract().hex()).toArray(String[]::new))
        .param("tokens", tokens.stream().map(t -> new java.math.BigDecimal(t.token().tokenId())).toArray(java.math.BigDecimal[]::new))
        .query((rs, n) -> items.put(new TokenRef(ChainId.of(rs.getLong(1)), Address.of(rs.getString(2)), rs.getBigDecimal(3).toBigIntegerExact()),
            new Item("ipfs://" + Cid.of(Cid.Codec.RAW, Numeric.hexStringToByteArray(rs.getString(4))), rs.getString(5), rs.getString(6))))
        .list();
    return items;
  }

  private static Metadata parse(String json, String imageCid) {
    JsonNode root = JSON.readTree(json);
    List<Attribute> attributes = new ArrayList<>();
    for (JsonNode attribute : root.path("attributes")) {
      attributes.add(new Attribute(attribute.path("trait_type").asString(""), attribute.path("value").asString("")));
    }
    return new Metadata(root.path("name").asString(""), root.path("description").asString(null), imageCid, List.copyOf(attributes));
  }
}
