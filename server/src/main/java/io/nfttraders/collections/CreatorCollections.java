package io.nfttraders.collections;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenStandard;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Creators' own collections, as other capabilities ask about them. */
@Service
public class CreatorCollections {

  private final JdbcClient jdbc;

  CreatorCollections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CreatorCollection> find(ChainId chainId, Address address) {
    return jdbc.sql("""
            select standard, creator_user_id, owner_address, name, symbol, royalty_receiver, royalty_bps, created_block is not null
            from creator_collections where chain_id = :chain and address = :address
            """)
        .param("chain", chainId.value()).param("address", address.hex())
        .query((rs, n) -> new CreatorCollection(chainId, address, TokenStandard.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
            Address.of(rs.getString(3)), rs.getString(4), rs.getString(5), new Royalty(Address.of(rs.getString(6)), rs.getInt(7)), rs.getBoolean(8)))
        .optional();
  }
}
