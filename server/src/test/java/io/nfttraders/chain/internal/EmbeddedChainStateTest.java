package io.nfttraders.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.DevChains;
import io.nfttraders.platform.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each dev chain keeps its state under its own id; a data directory from the one-chain days keeps its chain. */
class EmbeddedChainStateTest {

  @TempDir Path root;

  @Test
  void theOneChainStateOfAnOlderDataDirectoryMovesToChain31337AndNoOtherChainTakesIt() throws Exception {
    DataDirectory data = new DataDirectory(root);
    Files.createDirectories(root.resolve("anvil"));
    Files.writeString(root.resolve("anvil/state.json"), "{\"block\":42}");

    Path layer2 = EmbeddedChain.stateDirectory(data, DevChains.chain(845337, true));
    assertThat(layer2).isEqualTo(root.resolve("anvil/845337"));
    assertThat(layer2.resolve("state.json")).doesNotExist();
    assertThat(root.resolve("anvil/state.json")).exists();

    Path layer1 = EmbeddedChain.stateDirectory(data, DevChains.chain(31337, true));
    assertThat(layer1.resolve("state.json")).hasContent("{\"block\":42}");
    assertThat(root.resolve("anvil/state.json")).doesNotExist();
  }

  @Test
  void aChainThatHasItsOwnStateAlreadyKeepsIt() throws Exception {
    DataDirectory data = new DataDirectory(root);
    Files.createDirectories(root.resolve("anvil/31337"));
    Files.writeString(root.resolve("anvil/31337/state.json"), "{\"block\":7}");
    Files.writeString(root.resolve("anvil/state.json"), "{\"block\":42}");

    Path layer1 = EmbeddedChain.stateDirectory(data, DevChains.chain(31337, true));
    assertThat(layer1.resolve("state.json")).hasContent("{\"block\":7}");
  }
}
