package io.nfttraders.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chains the server works on, as configured: what a start refuses, and in which order they come. */
class ChainsPropertiesTest {

  @Test
  void theDefaultChainComesFirstThenTheOthersByIdAndADisabledOneIsLeftOut() {
    ChainsProperties properties = new ChainsProperties("l2", Map.of(
        "l1", DevChains.chain(31337, true), "l2", DevChains.chain(845337, true), "other", DevChains.chain(5, true), "off", DevChains.chain(7, false)));
    assertThat(properties.enabled()).extracting(Map.Entry::getKey).containsExactly("l2", "other", "l1");
  }

  @Test
  void aDefaultChainThatIsNotAnEnabledChainIsRefused() {
    assertThatThrownBy(() -> new ChainsProperties("mainnet", Map.of("dev", DevChains.chain(31337, true))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nft.default-chain 'mainnet'");
    assertThatThrownBy(() -> new ChainsProperties("dev", Map.of("dev", DevChains.chain(31337, false))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nft.default-chain 'dev'");
  }

  @Test
  void twoEnabledChainsWithOneIdAreRefused() {
    assertThatThrownBy(() -> new ChainsProperties("a", Map.of("a", DevChains.chain(31337, true), "b", DevChains.chain(31337, true))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same id");
    // one of them left out: no conflict
    assertThat(new ChainsProperties("a", Map.of("a", DevChains.chain(31337, true), "b", DevChains.chain(31337, false))).enabled()).hasSize(1);
  }

  @Test
  void aChainIdMustBePositive() {
    assertThatThrownBy(() -> DevChains.chain(0, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
