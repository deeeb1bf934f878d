package io.nfttraders.chain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chains the server works on, by a key of the operator's choosing ({@code nft.chains.<key>.*}: a
 * map, so a command-line option changes one setting of one chain and keeps the rest), and the one
 * that work naming no chain goes to.
 */
@ConfigurationProperties("nft")
public record ChainsProperties(@DefaultValue("dev") String defaultChain, Map<String, ChainProperties> chains) {

  public ChainsProperties {
    chains = chains == null ? Map.of() : Map.copyOf(chains);
    ChainProperties fallback = chains.get(defaultChain);
    if (fallback == null || !fallback.enabled()) {
      throw new IllegalArgumentException("nft.default-chain '" + defaultChain + "' is not an enabled chain of nft.chains " + chains.keySet());
    }
    List<Long> ids = chains.values().stream().filter(ChainProperties::enabled).map(ChainProperties::id).toList();
    if (ids.stream().distinct().count() != ids.size()) {
      throw new IllegalArgumentException("two enabled chains of nft.chains have the same id");
    }
  }

  /** The enabled chains, the default first, then by id. */
  public List<Map.Entry<String, ChainProperties>> enabled() {
    return chains.entrySet().stream()
        .filter(e -> e.getValue().enabled())
        .sorted(Comparator.<Map.Entry<String, ChainProperties>, Boolean>comparing(e -> !e.getKey().equals(defaultChain))
            .thenComparingLong(e -> e.getValue().id()))
        .toList();
  }
}
