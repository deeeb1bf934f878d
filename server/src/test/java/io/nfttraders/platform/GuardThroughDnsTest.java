package io.nfttraders.platform;

import static io.nfttraders.platform.LocalHttpServer.answer;
import static io.nfttraders.platform.LocalHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names that resolve to refused addresses are refused when connected to, directly or through a
 * redirect, and nothing reaches the address behind them. The JDK resolves these names from the
 * {@code guard-hosts} test resource: this class runs in a JVM of its own (server/pom.xml's
 * hosts-file-specs execution) started with {@code jdk.net.hosts.file} and no address cache.
 */
@Tag("hosts-file")
class GuardThroughDnsTest {

  private static final AddressGuard LOOPBACK_ONLY = AddressGuard.allowing(List.of(CidrBlock.of("127.0.0.1/32")));
  private static Path hostsFile = Path.of("");

  private final LocalHttpServer origin = new LocalHttpServer();
  private final LocalHttpServer inside = new LocalHttpServer().on("/", answer(204, "text/plain", new byte[0]));
  private final GuardedHttpClient client = new GuardedHttpClient(LOOPBACK_ONLY, Duration.ofSeconds(2), Duration.ofSeconds(2));

  @BeforeAll
  static void installHostsFile() throws IOException {
    String path = System.getProperty("jdk.net.hosts.file");
    assertThat(path).as("run through the hosts-file-specs surefire execution, which names the hosts file").isNotNull();
    hostsFile = Path.of(Objects.requireNonNull(path));
    try (InputStream hosts = Objects.requireNonNull(GuardThroughDnsTest.class.getResourceAsStream("guard-hosts"))) {
      Files.createDirectories(hostsFile.toAbsolutePath().getParent());
      Files.write(hostsFile, hosts.readAllBytes());
    }
  }

  @AfterEach
  void close() {
    client.close();
    origin.close();
    inside.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      private.guard.test        ; private-use 10.0.0.0/8
      cgnat.guard.test          ; carrier-grade NAT 100.64.0.0/10 (RFC 6598)
      benchmark.guard.test      ; benchmarking 198.18.0.0/15
      broadcast.guard.test      ; limited broadcast 255.255.255.255/32
      metadata.guard.test       ; link-local 169.254.0.0/16
      zero.guard.test           ; "this network" 0.0.0.0/8
      loopback.guard.test       ; loopback 127.0.0.0/8
      documentation.guard.test  ; TEST-NET-1 documentation
      multicast.guard.test      ; multicast 224.0.0.0/4
      loopback6.guard.test      ; loopback ::1/128
      ula.guard.test            ; unique-local fc00::/7
      linklocal6.guard.test     ; link-local fe80::/10
      documentation6.guard.test ; documentation 2001:db8::/32
      compatible.guard.test     ; IPv4-compatible (deprecated) ::/96 (RFC 4291), embedding 127.0.0.1
      nat64.guard.test          ; NAT64 64:ff9b::/96 (RFC 6052) embedding 127.0.0.1: loopback
      sixtofour.guard.test      ; 6to4 2002::/16 (RFC 3056), embedding 169.254.169.254
      teredo.guard.test         ; Teredo 2001::/32 (RFC 4380), server 65.54.227.120, client 192.0.2.45
      mixed.guard.test          ; carrier-grade NAT 100.64.0.0/10 (RFC 6598)
      """)
  void aNameResolvingToARefusedAddressIsRefusedWhenConnectedTo(String name, String reason) {
    URI target = URI.create("http://" + name + ":" + inside.port() + "/");

    assertThatThrownBy(() -> client.get(target, 0, 1000)).isInstanceOfSatisfying(AddressRefused.class, e -> {
      assertThat(e.host()).isEqualTo(name);
      assertThat(e.reason()).contains(reason);
    });
    assertThatThrownBy(() -> client.postJson(target, Map.of(), "{}")).isInstanceOf(AddressRefused.class);
    assertThatThrownBy(() -> LOOPBACK_ONLY.resolve(name)).isInstanceOf(AddressRefused.class);
    assertThat(inside.received()).isEmpty();
  }

  @Test
  void aNameResolvingToAnAllowedAddressIsConnectedTo() throws IOException {
    URI target = URI.create("http://allowed.guard.test:" + inside.port() + "/");

    assertThat(client.postJson(target, Map.of(), "{}")).isEqualTo(204);
    assertThat(inside.received()).hasSize(1);
    try (GuardedHttpClient strict = new GuardedHttpClient(AddressGuard.strict(), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> strict.postJson(target, Map.of(), "{}"))
          .isInstanceOfSatisfying(AddressRefused.class, e -> assertThat(e.getMessage()).isEqualTo(
              "allowed.guard.test (127.0.0.1) is refused: loopback 127.0.0.0/8 (RFC 1122)"));
    }
    assertThat(inside.received()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource(delimiter = ';', textBlock = """
      302 ; http://zero.guard.test:INSIDE/secret      ; "this network" 0.0.0.0/8
      307 ; http://loopback6.guard.test:INSIDE/secret ; loopback ::1/128
      302 ; http://nat64.guard.test:INSIDE/secret     ; NAT64 64:ff9b::/96 (RFC 6052) embedding 127.0.0.1
      307 ; http://metadata.guard.test/latest/        ; link-local 169.254.0.0/16
      301 ; http://mixed.guard.test/                  ; carrier-grade NAT
      """)
  void aRedirectToANameResolvingToARefusedAddressIsNotFollowed(int status, String location, String reason) {
    origin.on("/start", redirect(status, location.replace("INSIDE", Integer.toString(inside.port()))));

    assertThatThrownBy(() -> client.get(origin.uri("/start"), 5, 1000))
        .isInstanceOfSatisfying(AddressRefused.class, e -> assertThat(e.reason()).contains(reason));
    assertThat(origin.received()).hasSize(1);
    assertThat(inside.received()).isEmpty();
  }

  @Test
  void aRedirectToANameResolvingToAnAllowedAddressIsFollowed() throws IOException {
    origin.on("/start", redirect(302, "http://allowed.guard.test:" + inside.port() + "/doc"));

    assertThat(client.get(origin.uri("/start"), 5, 1000).status()).isEqualTo(204);
    assertThat(inside.received()).extracting(LocalHttpServer.Request::path).containsExactly("/doc");
  }

  @Test
  void aNameIsCheckedAgainEachTimeItIsConnectedToSoRebindingItToARefusedAddressIsRefused() throws IOException {
    // the receiver closes each connection, so the next request connects (and resolves) anew
    inside.on("/closing", exchange -> {
      exchange.getResponseHeaders().add("Connection", "close");
      exchange.sendResponseHeaders(204, -1);
    });
    URI target = URI.create("http://rebinding.guard.test:" + inside.port() + "/closing");
    assertThat(client.postJson(target, Map.of(), "{}")).isEqualTo(204);

    String hosts = Files.readString(hostsFile, StandardCharsets.UTF_8);
    try {
      // as a DNS server under the attacker's control would answer the next lookup
      Files.writeString(hostsFile, hosts.lines().map(line -> line.endsWith(" rebinding.guard.test") ? "0.0.0.0 rebinding.guard.test" : line)
          .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);

      assertThatThrownBy(() -> client.postJson(target, Map.of(), "{}"))
          .isInstanceOfSatisfying(AddressRefused.class, e -> assertThat(e.reason()).contains("\"this network\""));
      assertThat(inside.received()).as("only the request made before the rebinding").hasSize(1);
    } finally {
      Files.writeString(hostsFile, hosts, StandardCharsets.UTF_8);
    }
  }
}
