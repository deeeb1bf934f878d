package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenStandard;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each contract that emitted a transfer-shaped log is, as ERC-165 says: ERC-721, ERC-1155, or
 * neither (an ERC-20 token's Transfer has ERC-721's topic, and anything may emit any log). Each
 * contract is asked once (a batch of calls per range), remembered in {@code nft_contracts} and in a
 * bounded memory.
 */
class NftContracts {

  private static final Logger log = LoggerFactory.getLogger(NftContracts.class);
  private static final int REMEMBERED = 100_000;
  private static final String NONE = "NONE";

  private final ChainClient chain;
  private final JdbcClient jdbc;
  /** Empty: asked, and neither. */
  private final Map<Address, Optional<TokenStandard>> known = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Address, Optional<TokenStandard>> eldest) {
      return size() > REMEMBERED;
    }
  };

  NftContracts(ChainClient chain, JdbcClient jdbc) {
    this.chain = chain;
    this.jdbc = jdbc;
  }

  /** The standard of each of these contracts that follows one; the others are absent. Only the indexer thread calls this. */
  Map<Address, TokenStandard> classify(long chainId, Collection<Address> contracts, long seenAtBlock) {
    Set<Address> unknown = new HashSet<>();
    Map<Address, TokenStandard> standards = new HashMap<>();
    for (Address contract : contracts) {
      Optional<TokenStandard> standard = known.get(contract);
      if (standard == null) {
        unknown.add(contract);
      } else {
        standard.ifPresent(s -> standards.put(contract, s));
      }
    }
    if (!unknown.isEmpty()) {
      remember(lookUp(chainId, unknown), standards);
      unknown.removeAll(known.keySet());
      remember(ask(chainId, unknown, seenAtBlock), standards);
    }
    return standards;
  }

  private void remember(Map<Address, Optional<TokenStandard>> answers, Map<Address, TokenStandard> standards) {
    answers.forEach((contract, standard) -> {
      known.put(contract, standard);
      standard.ifPresent(s -> standards.put(contract, s));
    });
  }

  private Map<Address, Optional<TokenStandard>> lookUp(long chainId, Set<Address> contracts) {
    Map<Address, Optional<TokenStandard>> found = new HashMap<>();
    jdbc.sql("select address, standard from nft_contracts where chain_id = :chain and address = any(:addresses)")
        .param("chain", chainId).param("addresses", contracts.stream().map(Address::hex).toArray(String[]::new))
        .query((rs, n) -> found.put(Address.of(rs.getString(1)),
            NONE.equals(rs.getString(2)) ? Optional.empty() : Optional.of(TokenStandard.valueOf(rs.getString(2)))))
        .list();
    return found;
  }

  /** ERC-721 first (a contract answering both is treated as ERC-721, whose logs say more about ownership). */
  private Map<Address, Optional<TokenStandard>> ask(long chainId, Set<Address> contracts, long seenAtBlock) {
    Map<Address, Optional<TokenStandard>> answers = new HashMap<>();
    if (contracts.isEmpty()) {
      return answers;
    }
    Map<Address, Boolean> erc721 = chain.supportsInterface(contracts, TokenStandard.ERC721.interfaceId());
    Set<Address> rest = new HashSet<>();
    erc721.forEach((contract, yes) -> {
      if (yes) {
        answers.put(contract, Optional.of(TokenStandard.ERC721));
      } else {
        rest.add(contract);
      }
    });
    chain.supportsInterface(rest, TokenStandard.ERC1155.interfaceId())
        .forEach((contract, yes) -> answers.put(contract, yes ? Optional.of(TokenStandard.ERC1155) : Optional.empty()));
    List<Map.Entry<Address, Optional<TokenStandard>>> rows = List.copyOf(answers.entrySet());
    jdbc.sql("""
            insert into nft_contracts (chain_id, address, standard, first_block)
            select :chain, address, standard, :block from unnest(:addresses::text[], :standards::text[]) as t(address, standard)
            on conflict do nothing
            """)
        .param("chain", chainId).param("block", seenAtBlock)
        .param("addresses", rows.stream().map(e -> e.getKey().hex()).toArray(String[]::new))
        .param("standards", rows.stream().map(e -> e.getValue().map(Enum::name).orElse(NONE)).toArray(String[]::new))
        .update();
    rows.stream().filter(e -> e.getValue().isPresent())
        .forEach(e -> log.info("NFT contract found chainId={} address={} standard={}", chainId, e.getKey(), e.getValue().orElseThrow()));
    return answers;
  }
}
