package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfttraders.content.Cid;
import io.nfttraders.content.Content;
import io.nfttraders.content.ContentNotFound;
import io.nfttraders.content.ContentStore;
import io.nfttraders.content.FileBatch;
import io.nfttraders.content.InvalidContentPath;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.content.StoredFile;
import io.nfttraders.content.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every back end must do, written once; each back end's test supplies a store. */
abstract class ContentStoreContract {

  /** A store over an empty back end. */
  abstract ContentStore store();

  @Test
  void givesTheSameBytesTheSameCidAndKeepsTheFirstCopy() {
    ContentStore store = store();
    byte[] png = TestImages.png(3, 3);
    StoredFile first = store.putFile(png, "image/png");
    StoredFile again = store.putFile(png.clone(), "application/octet-stream");
    assertThat(again).isEqualTo(first);
    assertThat(first.cid().codec()).isEqualTo(Cid.Codec.RAW);
    assertThat(first.size()).isEqualTo(png.length);
    assertThat(Arrays.equals(first.cid().sha256Digest(), DagPb.sha256(png))).isTrue();
  }

  @Test
  void opensAStoredFileWithItsMediaType() {
    ContentStore store = store();
    byte[] metadata = "{\"name\":\"Token #1\"}".getBytes(StandardCharsets.UTF_8);
    StoredFile file = store.putFile(metadata, "application/json");
    Content content = store.open(file.cid()).orElseThrow();
    assertThat(content.mediaType()).isEqualTo("application/json");
    assertThat(content.size()).isEqualTo(metadata.length);
    assertThat(content.readAllBytes()).isEqualTo(metadata);
  }

  @Test
  void storesABatchOnCommitAndNothingBefore() {
    ContentStore store = store();
    FileBatch batch = store.newBatch();
    StoredFile image = batch.add(TestImages.png(4, 4), "image/png");
    StoredFile metadata = batch.add("{\"image\":\"ipfs://x\"}".getBytes(StandardCharsets.UTF_8), "application/json");
    assertThat(store.open(image.cid())).isEmpty();
    batch.commit();
    assertThat(store.open(image.cid()).orElseThrow().mediaType()).isEqualTo("image/png");
    assertThat(store.open(metadata.cid()).orElseThrow().readAllBytes()).asString().isEqualTo("{\"image\":\"ipfs://x\"}");
  }

  @Test
  void storesEmptyContent() {
    ContentStore store = store();
    StoredFile empty = store.putFile(new byte[0], "application/octet-stream");
    assertThat(empty.cid().value()).isEqualTo("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    assertThat(store.open(empty.cid()).orElseThrow().readAllBytes()).isEmpty();
  }

  @Test
  void readsAnyRangeOfAMultiBlockFile() throws IOException {
    ContentStore store = store();
    byte[] bytes = ReferenceCidTest.pattern(6, 1_000_000);
    StoredFile file = store.putFile(bytes, "image/png");
    assertThat(file.cid().value()).isEqualTo("bafybeifjfumx7r3aojfw3g2b2kz2cc7a7bazhyjyyl2bbp2xogz7wejg6i");
    Content content = store.open(file.cid()).orElseThrow();
    try (InputStream in = content.bytes().openRange(262_000, 263_999)) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 262_000, 264_000));
    }
    try (InputStream in = content.bytes().openRange(999_999, 999_999)) {
      assertThat(in.readAllBytes()).containsExactly(bytes[999_999]);
    }
    assertThat(content.readAllBytes()).isEqualTo(bytes);
  }

  @Test
  void resolvesPathsInsideADirectory() {
    ContentStore store = store();
    StoredDirectory tokens = tokens(store, 12);
    StoredDirectory root = store.putDirectory(List.of(
        new StoredDirectory.Entry("tokens", tokens.cid(), tokens.size()),
        entry(store, "collection.json", "{\"name\":\"NFT Traders\"}")));

    assertThat(text(store.resolve(tokens.cid(), "7").orElseThrow())).isEqualTo("{\"name\":\"Token #7\"}");
    assertThat(text(store.resolve(tokens.cid(), "/10/").orElseThrow())).isEqualTo("{\"name\":\"Token #10\"}");
    assertThat(text(store.resolve(root.cid(), "tokens/11").orElseThrow())).isEqualTo("{\"name\":\"Token #11\"}");
    assertThat(store.resolve(root.cid(), "").orElseThrow().cid()).isEqualTo(root.cid());
    assertThat(store.directory(root.cid()).orElseThrow().entries().get(1).size()).isEqualTo(tokens.size());
    assertThat(store.resolve(tokens.cid(), "12")).isEmpty();
    assertThat(store.resolve(tokens.cid(), "7/deeper")).isEmpty();
    assertThat(store.resolve(Cid.parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"), "7")).isEmpty();
  }

  @Test
  void opensADirectoryAsItsJsonListing() {
    ContentStore store = store();
    StoredDirectory tokens = tokens(store, 3);
    Content listing = store.open(tokens.cid()).orElseThrow();
    assertThat(listing.mediaType()).isEqualTo("application/json");
    JsonNode json = JsonMapper.builder().build().readTree(listing.readAllBytes());
    assertThat(json.get("cid").asString()).isEqualTo(tokens.cid().value());
    assertThat(json.get("entries").get(1).get("name").asString()).isEqualTo("1");
    assertThat(json.get("entries").get(1).get("cid").asString()).isEqualTo(tokens.entries().get(1).cid().value());
    assertThat(json.get("entries").get(1).get("size").asLong()).isEqualTo("{\"name\":\"Token #1\"}".length());
    assertThat(json.propertyNames()).containsExactly("cid", "entries");
    assertThat(store.directory(tokens.cid())).contains(tokens);
  }

  @Test
  void refusesPathsThatCouldLeaveTheDirectory() {
    ContentStore store = store();
    StoredDirectory tokens = tokens(store, 2);
    for (String path : List.of("../1", "0/../1", "./1", "0//1", "0\\1", "1\u0000", "%2e%2e".replace("%2e", "."))) {
      assertThatThrownBy(() -> store.resolve(tokens.cid(), path)).as(path).isInstanceOf(InvalidContentPath.class);
    }
  }

  @Test
  void refusesADirectoryOfContentItDoesNotHave() {
    ContentStore store = store();
    Cid unknown = Cid.parse("bafkreig7pzyokaqvit2igs564zfj4n4j726ex2auodpwfhfnnxnqgmqklq");
    assertThatThrownBy(() -> store.putDirectory(List.of(new StoredDirectory.Entry("0", unknown, 1))))
        .isInstanceOf(ContentNotFound.class);
    StoredFile file = store.putFile(new byte[] {1, 2, 3}, "application/octet-stream");
    assertThatThrownBy(() -> store.putDirectory(List.of(new StoredDirectory.Entry("0", file.cid(), 4))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putDirectory(List.of(
        new StoredDirectory.Entry("0", file.cid(), 3), new StoredDirectory.Entry("0", file.cid(), 3))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsNothingUnderAnUnknownCid() {
    assertThat(store().open(Cid.parse("bafkreig7pzyokaqvit2igs564zfj4n4j726ex2auodpwfhfnnxnqgmqklq"))).isEmpty();
    assertThat(store().open(Cid.parse("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354"))).isEmpty();
  }

  static StoredDirectory tokens(ContentStore store, int count) {
    List<StoredDirectory.Entry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(entry(store, Integer.toString(i), "{\"name\":\"Token #" + i + "\"}"));
    }
    return store.putDirectory(entries);
  }

  static StoredDirectory.Entry entry(ContentStore store, String name, String json) {
    StoredFile file = store.putFile(json.getBytes(StandardCharsets.UTF_8), "application/json");
    return new StoredDirectory.Entry(name, file.cid(), file.size());
  }

  private static String text(Content content) {
    return new String(content.readAllBytes(), StandardCharsets.UTF_8);
  }
}
