package io.nfttraders.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.Multipart;
import io.nfttraders.support.RawHttp;
import io.nfttraders.support.TestImages;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body that arrives in pieces is handled exactly as one sent at once (it is received without a
 * thread, then the request goes on); a body that will not be taken is refused from its headers,
 * without waiting for it.
 */
@MarketplaceTest
class ReceivedBodiesTest {

  private static final Duration GAP = Duration.ofMillis(600);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;
  RawHttp raw;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    raw = new RawHttp(port);
  }

  @Test
  void aJsonBodyArrivingInPiecesIsHandledAsIfSentAtOnce() {
    Api.Session user = api.newUser();
    byte[] body = Api.JSON.writeValueAsBytes(Map.of("email", user.email(), "password", user.password()));

    long start = System.nanoTime();
    RawHttp.Reply answer = raw.sendInPieces(GAP, pieces(json("POST /api/v1/auth/login HTTP/1.1", body.length), body, 3));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.text()).contains("accessToken");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited for the pieces").isGreaterThan(GAP.multipliedBy(2));
  }

  @Test
  void aBidArrivingInPiecesIsDecidedLikeAnyOther() {
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    market.withWeth("1", bidder);
    String auction = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
        "startPrice", "0.01"), seller.accessToken()).text("id");
    byte[] body = Api.JSON.writeValueAsBytes(Map.of("auctionId", auction, "amount", "0.02"));

    RawHttp.Reply answer = raw.sendInPieces(GAP, pieces(json("POST /api/v1/nfts/bid HTTP/1.1", body.length,
        "Authorization: Bearer " + bidder.accessToken()), body, 3));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(api.get("/api/v1/auctions/" + auction, null).text("leadingBidWei")).isEqualTo(TradingFixture.wei("0.02").toString());
  }

  @Test
  void anUploadArrivingInPiecesIsMinted() {
    Api.Session creator = api.newUser();
    Multipart upload = new Multipart().file("image", "art.png", "image/png", TestImages.png(41)).json("metadata", "{\"name\":\"Slowly sent\"}");
    byte[] body = upload.bytes();
    byte[] head = raw.head("POST /api/v1/nfts HTTP/1.1", "Content-Type: " + upload.contentType(), "Content-Length: " + body.length,
        "Authorization: Bearer " + creator.accessToken());

    RawHttp.Reply answer = raw.sendInPieces(GAP, pieces(head, body, 4));

    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    assertThat(answer.text()).contains("transactionId");
  }

  @Test
  void aChunkedBodyPastItsLimitIsRefusedWhereItCrossesIt() {
    String chunk = "x".repeat(40_000);
    byte[] head = raw.head("POST /api/v1/auth/login HTTP/1.1", "Content-Type: application/json", "Transfer-Encoding: chunked");
    byte[] piece = (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII);

    RawHttp.Reply answer = raw.sendInPieces(GAP, head, piece, piece, piece, piece);

    assertThat(answer.status()).as(answer.text()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.text()).contains("body-too-large");
  }

  @Test
  void aBodyThatWillNotBeTakenIsRefusedFromItsHeadersWithoutWaitingForIt() {
    byte[] multipartOnAJsonRoute = raw.head("GET /api/v1/chains HTTP/1.1", "Content-Type: multipart/form-data; boundary=x",
        "Content-Length: 45000000");
    byte[] anonymousUpload = raw.head("POST /api/v1/nfts HTTP/1.1", "Content-Type: multipart/form-data; boundary=x", "Content-Length: 45000000");
    byte[] tooLargeJson = raw.head("POST /api/v1/auth/login HTTP/1.1", "Content-Type: application/json", "Content-Length: 45000000");

    for (var refused : Map.of(multipartOnAJsonRoute, 415, anonymousUpload, 401, tooLargeJson, 413).entrySet()) {
      long start = System.nanoTime();
      RawHttp.Reply answer = raw.sendInPieces(GAP, refused.getKey());
      assertThat(answer.status()).as(answer.text()).isEqualTo(refused.getValue());
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without the body, which never came").isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aBodyWhoseChunkedFramingIsBrokenIsA400Problem() {
    byte[] head = raw.head("POST /api/v1/auth/login HTTP/1.1", "Content-Type: application/json", "Transfer-Encoding: chunked");
    byte[] broken = "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    for (RawHttp.Reply answer : List.of(raw.sendInPieces(GAP, RawHttp.concat(head, broken)), raw.sendInPieces(GAP, head, broken))) {
      assertThat(answer.status()).as(answer.text()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void refusedAndAbandonedUploadsLeaveNoTemporaryFiles() throws Exception {
    Api.Session creator = api.newUser();
    List<String> before = temporaryFiles();
    // parts over the in-memory threshold go to temporary files while the upload is parsed
    Multipart badName = new Multipart().file("image", "art\u0001.png", "image/png", new byte[300_000]).json("metadata", "{\"name\":\"x\"}");
    Api.Response refused = api.upload("/api/v1/nfts", creator.accessToken(), badName, null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);

    byte[] body = new Multipart().file("image", "art.png", "image/png", new byte[600_000]).json("metadata", "{\"name\":\"x\"}").bytes();
    try (Socket abandoned = new Socket("127.0.0.1", port)) {
      abandoned.getOutputStream().write(raw.head("POST /api/v1/nfts HTTP/1.1", "Content-Type: multipart/form-data; boundary=x",
          "Content-Length: " + body.length, "Authorization: Bearer " + creator.accessToken()));
      abandoned.getOutputStream().write(body, 0, 400_000);
      abandoned.getOutputStream().flush();
      Thread.sleep(GAP);
    }

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(temporaryFiles()).isEqualTo(before));
  }

  /** The request bodies and upload parts the server keeps in temporary files (it runs in this JVM). */
  private static List<String> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("nft-body-") || name.startsWith("upload_")).sorted().toList();
    }
  }

  private byte[] json(String requestLine, int length, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type: application/json";
    all[1] = "Content-Length: " + length;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return raw.head(requestLine, all);
  }

  /** The head at once, then the body in {@code count} pieces. */
  private static byte[][] pieces(byte[] head, byte[] body, int count) {
    byte[][] pieces = RawHttp.pieces(body, count);
    byte[][] all = new byte[count + 1][];
    all[0] = head;
    System.arraycopy(pieces, 0, all, 1, count);
    return all;
  }
}
