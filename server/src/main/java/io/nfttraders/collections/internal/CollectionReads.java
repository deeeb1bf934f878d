package io.nfttraders.collections.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creators' collections as the API shows them. */
@Component
class CollectionReads {

  private static final String COLUMNS = """
      chain_id, address, standard, name, symbol, description, image_cid, metadata_cid, owner_address, royalty_receiver, royalty_bps,
      created_block, transaction_id
      """;

  private final JdbcClient jdbc;
  private final TransactionManager transactions;

  CollectionReads(JdbcClient jdbc, TransactionManager transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  Optional<CollectionView> view(ChainId chainId, Address address) {
    return jdbc.sql("select " + COLUMNS + " from creator_collections where chain_id = :chain and address = :address")
        .param("chain", chainId.value()).param("address", address.hex())
        .query((rs, n) -> view(rs)).optional();
  }

  /** The user's collections, newest first. */
  List<CollectionView> of(UUID user, int limit) {
    return jdbc.sql("select " + COLUMNS + " from creator_collections where creator_user_id = :user order by requested_at desc limit :limit")
        .param("user", user).param("limit", limit)
        .query((rs, n) -> view(rs)).list();
  }

  /** Collections whose creators' custodial wallets administer them: the signer must let those wallets call them. */
  List<Address> custodialCollections() {
    return jdbc.sql("select address from creator_collections where transaction_id is not null")
        .query((rs, n) -> Address.of(rs.getString(1))).list();
  }

  private CollectionView view(ResultSet rs) throws SQLException {
    UUID tx = rs.getObject("transaction_id", UUID.class);
    String image = rs.getString("image_cid");
    return new CollectionView(ChainId.of(rs.getLong("chain_id")), Address.of(rs.getString("address")), rs.getString("standard"), rs.getString("name"),
        rs.getString("symbol"), rs.getString("description"), image == null ? null : "/ipfs/" + image, "ipfs://" + rs.getString("metadata_cid"),
        Address.of(rs.getString("owner_address")), new Royalty(Address.of(rs.getString("royalty_receiver")), rs.getInt("royalty_bps")),
        state(rs.getObject("created_block", Long.class) != null, tx), tx == null ? null : tx.toString());
  }

  private String state(boolean created, UUID tx) {
    if (created) {
      return "CREATED";
    }
    boolean failed = tx != null && transactions.find(new TransactionId(tx)).map(t -> t.status() == TransactionStatus.FAILED).orElse(false);
    return failed ? "FAILED" : "PENDING";
  }
}
