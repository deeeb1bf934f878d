package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.content.ContentStore;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.content.StoredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalContentStoreTest extends ContentStoreContract {

  @TempDir Path dir;

  @Override
  ContentStore store() {
    return new UnixFsContentStore(new LocalContentBackend(dir));
  }

  @Test
  void keepsFilesAndDirectoriesAcrossARestart() {
    StoredDirectory tokens = tokens(store(), 12);
    ContentStore restarted = new UnixFsContentStore(new LocalContentBackend(dir));
    assertThat(restarted.resolve(tokens.cid(), "11").orElseThrow().readAllBytes())
        .asString().isEqualTo("{\"name\":\"Token #11\"}");
    assertThat(restarted.directory(tokens.cid())).contains(tokens);
  }

  @Test
  void writesEachFileOnceAndLeavesNoTemporaryFiles() throws IOException {
    ContentStore store = store();
    StoredFile file = store.putFile(new byte[] {1, 2, 3}, "application/octet-stream");
    store.putFile(new byte[] {1, 2, 3}, "application/octet-stream");
    assertThat(regularFiles()).containsExactlyInAnyOrder(file.cid().value(), file.cid().value() + ".file.json");
  }

  @Test
  void removesWhatAnInterruptedWriteLeftBehind() throws IOException {
    store();
    Path leftover = Files.writeString(dir.resolve("tmp").resolve("bafkrei-half-written.tmp"), "partial");
    store();
    assertThat(leftover).doesNotExist();
  }

  private List<String> regularFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }
}
