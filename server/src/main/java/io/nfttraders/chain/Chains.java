package io.nfttraders.chain;

import io.nfttraders.ethereum.ChainId;
import java.util.List;
import java.util.Optional;

/** Every chain the server works on, each with the client of its node; the default chain first. */
public final class Chains {

  /** One chain: its key in {@code nft.chains}, its settings, where its node answers and the client that talks to it. */
  public record Chain(String key, ChainProperties properties, ChainEndpoint endpoint, ChainClient client) {
    public ChainId id() {
      return ChainId.of(properties.id());
    }
  }

  private final List<Chain> chains;

  public Chains(List<Chain> chains) {
    if (chains.isEmpty()) {
      throw new IllegalArgumentException("no chain");
    }
    this.chains = List.copyOf(chains);
  }

  public List<Chain> all() {
    return chains;
  }

  /** Where work that names no chain goes ({@code nft.default-chain}). */
  public Chain defaultChain() {
    return chains.getFirst();
  }

  public Optional<Chain> find(ChainId id) {
    return chains.stream().filter(c -> c.properties().id() == id.value()).findFirst();
  }
}
