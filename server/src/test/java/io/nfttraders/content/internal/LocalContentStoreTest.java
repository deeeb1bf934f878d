package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.content.ContentStore;
import io.nfttraders.content.FileBatch;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.content.StoredFile;
import io.nfttraders.support.MarketplaceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The local back end on real PostgreSQL (its index) and a real directory (its packs). */
@MarketplaceTest
class LocalContentStoreTest extends ContentStoreContract {

  @TempDir Path dir;
  @Autowired JdbcClient jdbc;

  @Override
  ContentStore store() {
    return new UnixFsContentStore(backend());
  }

  private LocalContentBackend backend() {
    return new LocalContentBackend(dir, jdbc, Clock.systemUTC());
  }

  @Test
  void keepsFilesAndDirectoriesAcrossARestart() {
    LocalContentBackend first = backend();
    StoredDirectory tokens = tokens(new UnixFsContentStore(first), 12);
    first.close();
    ContentStore restarted = store();
    assertThat(restarted.resolve(tokens.cid(), "11").orElseThrow().readAllBytes())
        .asString().isEqualTo("{\"name\":\"Token #11\"}");
    assertThat(restarted.directory(tokens.cid())).contains(tokens);
  }

  @Test
  void writesABatchIntoOnePackAndEachFileOnce() throws IOException {
    ContentStore store = store();
    FileBatch batch = store.newBatch();
    StoredFile a = batch.add(bytes("a"), "application/json");
    batch.add(bytes("a"), "application/json");
    StoredFile b = batch.add(bytes("bb"), "text/plain");
    batch.commit();
    store.putFile(bytes("bb"), "text/plain");

    assertThat(packs()).hasSize(1);
    assertThat(Files.size(packs().getFirst())).isEqualTo(3); // "a" and "bb", once each
    assertThat(store.open(a.cid()).orElseThrow().readAllBytes()).isEqualTo(bytes("a"));
    assertThat(store.open(b.cid()).orElseThrow().mediaType()).isEqualTo("text/plain");
  }

  @Test
  void ignoresBytesAnInterruptedWriteLeftAtTheEndOfAPack() throws IOException {
    LocalContentBackend first = backend();
    StoredFile kept = new UnixFsContentStore(first).putFile(bytes("kept"), "text/plain");
    first.close();
    Files.write(packs().getFirst(), bytes("torn half of a blob"), java.nio.file.StandardOpenOption.APPEND);

    ContentStore restarted = store();
    StoredFile next = restarted.putFile(bytes("next"), "text/plain");
    assertThat(restarted.open(kept.cid()).orElseThrow().readAllBytes()).isEqualTo(bytes("kept"));
    assertThat(restarted.open(next.cid()).orElseThrow().readAllBytes()).isEqualTo(bytes("next"));
  }

  @Test
  void movesContentOfTheOneFilePerCidLayoutIntoPacks() throws IOException {
    StoredDirectory tokens = tokens(new UnixFsContentStore(new MemoryContentBackend()), 3);
    // the first layout, as that version wrote it
    String file = tokens.entries().getFirst().cid().value();
    String shard = file.substring(file.length() - 3, file.length() - 1);
    Files.createDirectories(dir.resolve(shard));
    Files.write(dir.resolve(shard).resolve(file), bytes("{\"name\":\"Token #0\"}"));
    Files.writeString(dir.resolve(shard).resolve(file + ".file.json"),
        "{\"cid\":\"" + file + "\",\"size\":19,\"mediaType\":\"application/json\",\"dagSize\":19}");
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("tmp").resolve("half-written.tmp"), "partial");

    ContentStore store = store();
    assertThat(store.open(tokens.entries().getFirst().cid()).orElseThrow().readAllBytes()).asString().isEqualTo("{\"name\":\"Token #0\"}");
    assertThat(dir.resolve(shard)).doesNotExist();
    assertThat(dir.resolve("tmp")).doesNotExist();
  }

  private List<Path> packs() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("packs"))) {
      return files.toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
