package io.nfttraders.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The {@code /ipfs} gateway of the running server, seen by a plain HTTP client. */
@MarketplaceTest
class IpfsGatewayTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired ContentStore store;

  private StoredDirectory tokens;

  @BeforeEach
  void storeTokens() {
    List<StoredDirectory.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      StoredFile metadata = store.putFile(("{\"name\":\"Token #" + i + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
      entries.add(new StoredDirectory.Entry(Integer.toString(i), metadata.cid(), metadata.size()));
    }
    tokens = store.putDirectory(entries);
  }

  @Test
  void servesAStoredImageAsImmutable() {
    byte[] png = TestImages.png(4, 4);
    StoredFile file = store.putFile(png, ImageValidation.detectImageType(png));

    HttpResponse<byte[]> r = get("/ipfs/" + file.cid());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(png);
    assertThat(header(r, "Content-Type")).isEqualTo("image/png");
    assertThat(header(r, "Content-Length")).isEqualTo(Integer.toString(png.length));
    assertThat(header(r, "ETag")).isEqualTo("\"" + file.cid() + "\"");
    assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(header(r, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(r.headers().firstValue("Pragma")).isEmpty();
  }

  @Test
  void answersNotModifiedToAClientThatHasIt() {
    StoredFile file = store.putFile(TestImages.gif(2, 2), "image/gif");
    String etag = "\"" + file.cid() + "\"";

    HttpResponse<byte[]> r = get("/ipfs/" + file.cid(), "If-None-Match", "W/\"other\", " + etag);

    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
    assertThat(header(r, "ETag")).isEqualTo(etag);
    assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(get("/ipfs/" + file.cid(), "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
  }

  @Test
  void servesARangeOfAStoredFile() {
    byte[] big = new byte[1_000_000];
    new Random(7).nextBytes(big);
    StoredFile file = store.putFile(big, "image/png");
    assertThat(file.cid().codec()).isEqualTo(Cid.Codec.DAG_PB);
    String path = "/ipfs/" + file.cid();

    HttpResponse<byte[]> middle = get(path, "Range", "bytes=262000-263999");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(header(middle, "Content-Range")).isEqualTo("bytes 262000-263999/1000000");
    assertThat(header(middle, "Content-Length")).isEqualTo("2000");
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(big, 262_000, 264_000));

    HttpResponse<byte[]> tail = get(path, "Range", "bytes=-10");
    assertThat(header(tail, "Content-Range")).isEqualTo("bytes 999990-999999/1000000");
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(big, 999_990, 1_000_000));

    HttpResponse<byte[]> rest = get(path, "Range", "bytes=999000-");
    assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(big, 999_000, 1_000_000));

    assertThat(get(path).body()).isEqualTo(big);
  }

  @Test
  void refusesARangeThatStartsPastTheEnd() {
    StoredFile file = store.putFile(new byte[] {1, 2, 3}, "application/octet-stream");

    HttpResponse<byte[]> r = get("/ipfs/" + file.cid(), "Range", "bytes=3-");

    assertThat(r.statusCode()).isEqualTo(416);
    assertThat(header(r, "Content-Range")).isEqualTo("bytes */3");
    assertThat(header(r, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(json(r).get("type").asString()).isEqualTo("https://nfttraders.io/problems/range-not-satisfiable");
    assertThat(header(r, "Cache-Control")).doesNotContain("immutable");
  }

  @Test
  void sendsTheWholeFileWhenTheRangeIsStale() {
    StoredFile file = store.putFile(new byte[] {1, 2, 3, 4}, "application/octet-stream");
    String path = "/ipfs/" + file.cid();

    assertThat(get(path, "Range", "bytes=1-2", "If-Range", "\"" + file.cid() + "\"").statusCode()).isEqualTo(206);
    HttpResponse<byte[]> stale = get(path, "Range", "bytes=1-2", "If-Range", "\"an-older-version\"");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).containsExactly(1, 2, 3, 4);
    assertThat(get(path, "Range", "bytes=0-0,2-3").statusCode()).isEqualTo(200);
  }

  @Test
  void answersHeadWithTheHeadersOnly() throws Exception {
    byte[] jpeg = TestImages.jpeg(8, 8);
    StoredFile file = store.putFile(jpeg, "image/jpeg");

    HttpResponse<byte[]> r = HTTP.send(request("/ipfs/" + file.cid()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(header(r, "Content-Length")).isEqualTo(Integer.toString(jpeg.length));
    assertThat(header(r, "Content-Type")).isEqualTo("image/jpeg");
    assertThat(header(r, "ETag")).isEqualTo("\"" + file.cid() + "\"");
  }

  @Test
  void resolvesATokenInsideADirectory() {
    HttpResponse<byte[]> r = get("/ipfs/" + tokens.cid() + "/7");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).isEqualTo("application/json");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Token #7\"}");
    assertThat(header(r, "ETag")).isEqualTo("\"" + tokens.entries().get(9).cid() + "\""); // sorted: 0 1 10 11 2 ... 7
  }

  @Test
  void listsADirectoryAsJson() {
    HttpResponse<byte[]> r = get("/ipfs/" + tokens.cid());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).isEqualTo("application/json");
    assertThat(header(r, "ETag")).isEqualTo("\"" + tokens.cid() + "\"");
    JsonNode listing = json(r);
    assertThat(listing.get("cid").asString()).isEqualTo(tokens.cid().value());
    List<String> names = new ArrayList<>();
    listing.get("entries").forEach(e -> names.add(e.get("name").asString()));
    assertThat(names).containsExactly("0", "1", "10", "11", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(get("/ipfs/" + tokens.cid() + "/").statusCode()).isEqualTo(200);
  }

  @Test
  void sandboxesSvgEvenThoughUploadsRefuseIt() {
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
        .getBytes(StandardCharsets.UTF_8);
    StoredFile file = store.putFile(svg, "image/svg+xml");

    HttpResponse<byte[]> r = get("/ipfs/" + file.cid());

    assertThat(header(r, "Content-Type")).isEqualTo("image/svg+xml");
    assertThat(header(r, "Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void answersNotFoundForContentItDoesNotHave() {
    HttpResponse<byte[]> unknown = get("/ipfs/bafkreig7pzyokaqvit2igs564zfj4n4j726ex2auodpwfhfnnxnqgmqklq");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(header(unknown, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(json(unknown).get("type").asString()).isEqualTo("https://nfttraders.io/problems/content-not-found");

    assertThat(get("/ipfs/" + tokens.cid() + "/12").statusCode()).isEqualTo(404);
    assertThat(get("/ipfs/" + tokens.cid() + "/7/deeper").statusCode()).isEqualTo(404);
  }

  @Test
  void answersBadRequestForWhatIsNotACid() {
    for (String cid : List.of("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", "not-a-cid",
        "BAFKREIHDWDCEFGH4DQKJV67UZCMW7OJEE6XEDZDETOJUZJEVTENXQUVYKU")) {
      HttpResponse<byte[]> r = get("/ipfs/" + cid);
      assertThat(r.statusCode()).as(cid).isEqualTo(400);
      assertThat(json(r).get("type").asString()).isEqualTo("https://nfttraders.io/problems/invalid-cid");
    }
  }

  @Test
  void refusesPathsThatTryToLeaveTheDirectory() throws IOException {
    String dir = "/ipfs/" + tokens.cid();
    for (String path : List.of(dir + "/../7", dir + "/%2e%2e/7", dir + "/.%2E/7", dir + "/0%2F..%2F7", dir + "/0%5c7",
        dir + "/0\\7", dir + "/./7", dir + "//7", dir + "/7%00")) {
      assertThat(rawStatusLine(path)).as(path).startsWith("HTTP/1.1 400");
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request = request(path).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The request line exactly as given: HTTP clients would normalise or refuse these paths. */
  private String rawStatusLine(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return response.lines().findFirst().orElse("");
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    return Api.JSON.readTree(response.body());
  }
}
