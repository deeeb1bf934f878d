package io.nfttraders.platform;

import static io.nfttraders.platform.LocalHttpServer.answer;
import static io.nfttraders.platform.LocalHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against real servers on 127.0.0.1, which its guard allows (as a deployment's
 * allow-list would) while refusing every other special-purpose address. {@code inside} stands for a
 * service inside our network: the redirect specs show that nothing reaches it.
 */
class GuardedHttpClientTest {

  private static final AddressGuard LOOPBACK_ONLY = AddressGuard.allowing(List.of(CidrBlock.of("127.0.0.1/32")));
  private static final byte[] JSON = "{\"name\":\"token 1\"}".getBytes(StandardCharsets.UTF_8);

  private final LocalHttpServer origin = new LocalHttpServer();
  private final LocalHttpServer inside = new LocalHttpServer().on("/", answer(200, "text/plain", "secret".getBytes(StandardCharsets.UTF_8)));
  private final GuardedHttpClient client = new GuardedHttpClient(LOOPBACK_ONLY, Duration.ofSeconds(2), Duration.ofSeconds(2));

  @AfterEach
  void close() {
    client.close();
    origin.close();
    inside.close();
  }

  @Test
  void aPostSendsTheJsonBodyAndHeadersAndAnswersTheStatus() throws Exception {
    origin.on("/hook", answer(204, "text/plain", new byte[0]));

    assertThat(client.postJson(origin.uri("/hook"), Map.of("X-Test", "signed"), "{\"kind\":\"OUTBID\"}")).isEqualTo(204);

    assertThat(origin.received()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.contentType()).startsWith("application/json");
      assertThat(request.testHeader()).isEqualTo("signed");
      assertThat(request.body()).isEqualTo("{\"kind\":\"OUTBID\"}");
    });
  }

  @Test
  void aPostIsNotRedirected() throws Exception {
    origin.on("/hook", redirect(307, inside.uri("/").toString()));

    assertThat(client.postJson(origin.uri("/hook"), Map.of(), "{}")).isEqualTo(307);
    assertThat(inside.received()).isEmpty();
  }

  @Test
  void withoutTheAllowListLoopbackIsRefusedBeforeAnythingIsSent() {
    origin.on("/hook", answer(204, "text/plain", new byte[0]));
    try (GuardedHttpClient strict = new GuardedHttpClient(AddressGuard.strict(), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> strict.postJson(origin.uri("/hook"), Map.of(), "{}"))
          .isInstanceOfSatisfying(AddressRefused.class, e -> assertThat(e.reason()).isEqualTo("loopback 127.0.0.0/8 (RFC 1122)"));
      assertThatThrownBy(() -> strict.get(origin.uri("/hook"), 0, 100)).isInstanceOf(AddressRefused.class);
    }
    assertThat(origin.received()).isEmpty();
  }

  @Test
  void aGetFollowsRedirectsToAllowedAddressesAndAnswersTheLastBody() throws Exception {
    origin.on("/start", redirect(302, "/next")).on("/next", redirect(307, inside.uri("/doc").toString()));

    GuardedHttpClient.Fetched fetched = client.get(origin.uri("/start"), 2, 1000);

    assertThat(fetched.uri()).isEqualTo(inside.uri("/doc"));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.contentType()).isEqualTo("text/plain");
    assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("secret");
    assertThat(origin.received()).extracting(LocalHttpServer.Request::path).containsExactly("/start", "/next");
    assertThat(inside.received()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource(delimiter = ';', textBlock = """
      302 ; http://0.0.0.0:INSIDE/secret              ; "this network" 0.0.0.0/8
      307 ; http://[::]:INSIDE/secret                 ; unspecified ::/128
      301 ; http://127.0.0.2:INSIDE/secret            ; loopback 127.0.0.0/8
      308 ; http://[::1]:INSIDE/secret                ; loopback ::1/128
      303 ; http://[::ffff:127.0.0.2]:INSIDE/secret   ; loopback 127.0.0.0/8
      302 ; http://[64:ff9b::7f00:1]:INSIDE/secret    ; NAT64 64:ff9b::/96 (RFC 6052) embedding 127.0.0.1
      307 ; http://[::127.0.0.1]:INSIDE/secret        ; IPv4-compatible
      302 ; http://[2002:7f00:1::1]:INSIDE/secret     ; 6to4 2002::/16 (RFC 3056), embedding 127.0.0.1
      302 ; http://10.0.0.1/                          ; private-use 10.0.0.0/8
      307 ; http://169.254.169.254/latest/meta-data/  ; link-local 169.254.0.0/16
      302 ; http://100.64.0.1/                        ; carrier-grade NAT
      307 ; http://198.18.0.1/                        ; benchmarking
      302 ; http://255.255.255.255/                   ; limited broadcast
      307 ; https://[fd00:ec2::254]/                  ; unique-local
      302 ; http://[fe80::1]/                         ; link-local fe80::/10
      """)
  void aRedirectToARefusedAddressIsNotFollowed(int status, String location, String reason) {
    origin.on("/start", redirect(status, location.replace("INSIDE", Integer.toString(inside.port()))));

    assertThatThrownBy(() -> client.get(origin.uri("/start"), 5, 1000))
        .isInstanceOfSatisfying(AddressRefused.class, e -> assertThat(e.reason()).contains(reason));
    assertThat(origin.received()).hasSize(1);
    assertThat(inside.received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1:INSIDE/", "file:///etc/passwd", "http://127.1:INSIDE/", "http://user:pw@127.0.0.1:INSIDE/", "http://[::1"})
  void aRedirectToAnythingButAnHttpUrlWithAHostIsNotFollowed(String location) {
    origin.on("/start", redirect(302, location.replace("INSIDE", Integer.toString(inside.port()))));

    assertThatThrownBy(() -> client.get(origin.uri("/start"), 5, 1000)).isInstanceOf(GuardedHttpClient.RedirectRefused.class);
    assertThat(inside.received()).isEmpty();
  }

  @Test
  void redirectsBeyondTheCallersLimitOrWithoutALocationAreNotFollowed() {
    origin.on("/loop", redirect(302, "/loop")).on("/nowhere", answer(302, "text/plain", new byte[0]));

    assertThatThrownBy(() -> client.get(origin.uri("/loop"), 3, 1000))
        .isInstanceOf(GuardedHttpClient.RedirectRefused.class).hasMessageContaining("after 3 redirects");
    assertThat(origin.received()).as("the first request and three redirects").hasSize(4);
    assertThatThrownBy(() -> client.get(origin.uri("/nowhere"), 3, 1000))
        .isInstanceOf(GuardedHttpClient.RedirectRefused.class).hasMessageContaining("without a Location");
  }

  @Test
  void aBodyLongerThanTheCallerTakesIsRefusedWithAnnouncedLengthOrWithout() throws Exception {
    byte[] big = new byte[1 << 20];
    origin.on("/sized", answer(200, "application/json", big)).on("/chunked", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(big);
    }).on("/fits", answer(200, "application/json", JSON));

    assertThatThrownBy(() -> client.get(origin.uri("/sized"), 0, 1000)).isInstanceOf(GuardedHttpClient.BodyTooLarge.class);
    assertThatThrownBy(() -> client.get(origin.uri("/chunked"), 0, 1000)).isInstanceOf(GuardedHttpClient.BodyTooLarge.class);
    assertThat(client.get(origin.uri("/fits"), 0, JSON.length).body()).isEqualTo(JSON);
  }

  @Test
  void aServerThatDoesNotAnswerInTimeFailsTheRequest() {
    origin.on("/slow", exchange -> {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try (GuardedHttpClient impatient = new GuardedHttpClient(LOOPBACK_ONLY, Duration.ofMillis(300), Duration.ofMillis(300))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> impatient.get(origin.uri("/slow"), 0, 1000)).isInstanceOf(SocketTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1/x", "http://127.1/", "http:/relative", "http://user@127.0.0.1/"})
  void aTargetThatIsNotAnHttpUrlWithAHostIsRefusedUpFront(String target) {
    assertThatThrownBy(() -> client.get(URI.create(target), 0, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.postJson(URI.create(target), Map.of(), "{}")).isInstanceOf(IllegalArgumentException.class);
  }
}
