package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.content.Cid;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.content.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our CIDs against those of an independent implementation, the IPFS JavaScript importer: see
 * {@code src/test/resources/content/cidgen/README.md} for how {@code expected-cids.json} was made.
 */
class ReferenceCidTest {

  static final JsonNode EXPECTED = load();

  @Test
  void computesTheSameCidAsTheReferenceImporter() {
    for (JsonNode file : EXPECTED.get("files")) {
      byte[] bytes = pattern(file.get("seed").asInt(), file.get("length").asInt());
      UnixFsFile.Dag dag = UnixFsFile.of(bytes);
      assertThat(dag.cid().value()).as(file.get("name").asString()).isEqualTo(file.get("cid").asString());
      assertThat(dag.dagSize()).as(file.get("name").asString() + " DAG size").isEqualTo(file.get("dagSize").asLong());
      assertThat(dag.size()).isEqualTo(bytes.length);
    }
  }

  @Test
  void givesEmptyContentTheWellKnownRawCid() {
    assertThat(UnixFsFile.of(new byte[0]).cid().value())
        .isEqualTo("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    assertThat(UnixFsDirectory.of(List.of()).cid().value())
        .isEqualTo("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354");
  }

  @Test
  void computesTheSameCidWhenTheBytesArriveInOddPieces() {
    byte[] bytes = pattern(9, 3 * UnixFsFile.CHUNK_SIZE + 12_345);
    UnixFsFile file = new UnixFsFile();
    for (int pos = 0, step = 1; pos < bytes.length; pos += step, step = step * 3 % 100_003) {
      file.write(bytes, pos, Math.min(step, bytes.length - pos));
    }
    assertThat(file.finish()).isEqualTo(UnixFsFile.of(bytes));
  }

  @Test
  void computesTheSameDirectoryCidsAsTheReferenceImporter() {
    ContentBackend backend = new MemoryContentBackend();
    UnixFsContentStore store = new UnixFsContentStore(backend);
    Map<String, StoredDirectory> built = new HashMap<>();
    // "nested/sub" before "nested": a directory links directories already stored
    List<JsonNode> directories = new ArrayList<>();
    EXPECTED.get("directories").forEach(directories::add);
    directories.sort((a, b) -> Integer.compare(depth(b), depth(a)));
    for (JsonNode expected : directories) {
      List<StoredDirectory.Entry> entries = new ArrayList<>();
      for (JsonNode entry : expected.get("entries")) {
        String name = entry.get("name").asString();
        if (entry.has("directory")) {
          StoredDirectory child = built.get(entry.get("directory").asString());
          entries.add(new StoredDirectory.Entry(name, child.cid(), child.size()));
        } else {
          byte[] bytes = entry.has("text")
              ? entry.get("text").asString().getBytes(StandardCharsets.UTF_8)
              : pattern(entry.get("seed").asInt(), entry.get("length").asInt());
          StoredFile file = store.putFile(bytes, "application/json");
          entries.add(new StoredDirectory.Entry(name, file.cid(), file.size()));
        }
      }
      StoredDirectory directory = store.putDirectory(entries);
      assertThat(directory.cid().value()).as(expected.get("name").asString()).isEqualTo(expected.get("cid").asString());
      assertThat(backend.directory(directory.cid()).orElseThrow().dagSize()).isEqualTo(expected.get("dagSize").asLong());
      built.put(expected.get("name").asString(), directory);
    }
    assertThat(built.get("tokens").entries()).extracting(StoredDirectory.Entry::name)
        .containsExactly("0", "1", "10", "11", "2", "3", "4", "5", "6", "7", "8", "9", "big");
  }

  private static int depth(JsonNode directory) {
    return directory.get("name").asString().split("/").length;
  }

  /** The generator's xorshift32 byte pattern (generate.mjs), bit for bit. */
  static byte[] pattern(int seed, int length) {
    byte[] bytes = new byte[length];
    int x = seed;
    for (int i = 0; i < length; i += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      for (int k = 0; k < 4 && i + k < length; k++) {
        bytes[i + k] = (byte) (x >>> (8 * k));
      }
    }
    return bytes;
  }

  private static JsonNode load() {
    try (InputStream in = ReferenceCidTest.class.getResourceAsStream("/content/cidgen/expected-cids.json")) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
