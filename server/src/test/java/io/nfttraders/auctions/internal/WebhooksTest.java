package io.nfttraders.auctions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfttraders.platform.AddressGuard;
import io.nfttraders.platform.CidrBlock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebhooksTest {

  private static final AddressGuard STRICT = AddressGuard.strict();

  @Test
  void aWebhookMustBeAnHttpUrlOutsideOurNetwork() {
    assertThat(Webhooks.checkedUrl("https://93.184.215.14/hooks/nft", STRICT).toString()).isEqualTo("https://93.184.215.14/hooks/nft");
    for (String inside : new String[] {"http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x", "http://192.168.0.1/x",
        "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x"}) {
      assertThatThrownBy(() -> Webhooks.checkedUrl(inside, STRICT)).as(inside).hasMessageContaining("private network");
    }
    for (String bad : new String[] {"ftp://93.184.215.14/x", "https://user:pw@93.184.215.14/x", "not a url", "https:///path", "javascript:alert(1)"}) {
      assertThatThrownBy(() -> Webhooks.checkedUrl(bad, STRICT)).as(bad).isInstanceOf(AuctionProblems.InvalidWebhook.class);
    }
    assertThat(Webhooks.checkedUrl("http://127.0.0.1:8080/x", properties(Map.of("allow-private-addresses", "true")).guard()).getPort()).isEqualTo(8080);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      http://100.64.0.1/hook                                ; carrier-grade NAT 100.64.0.0/10 (RFC 6598)
      http://100.100.100.200/latest/meta-data               ; carrier-grade NAT 100.64.0.0/10 (RFC 6598)
      http://198.18.0.1/hook                                ; benchmarking 198.18.0.0/15 (RFC 2544)
      http://255.255.255.255/hook                           ; limited broadcast 255.255.255.255/32 (RFC 919)
      http://[64:ff9b::7f00:1]/hook                         ; NAT64 64:ff9b::/96 (RFC 6052) embedding 127.0.0.1: loopback 127.0.0.0/8 (RFC 1122)
      http://[64:ff9b::a9fe:a9fe]/hook                      ; NAT64 64:ff9b::/96 (RFC 6052) embedding 169.254.169.254: link-local 169.254.0.0/16 (RFC 3927)
      http://[2002:a00:1::1]/hook                           ; 6to4 2002::/16 (RFC 3056), embedding 10.0.0.1
      http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook    ; Teredo 2001::/32 (RFC 4380), server 65.54.227.120, client 192.0.2.45
      http://[::127.0.0.1]/hook                             ; IPv4-compatible (deprecated) ::/96 (RFC 4291), embedding 127.0.0.1
      http://[::ffff:a9fe:a9fe]/hook                        ; link-local 169.254.0.0/16 (RFC 3927)
      http://0.1.2.3/hook                                   ; "this network" 0.0.0.0/8 (RFC 791)
      http://2130706433/hook                                ; loopback 127.0.0.0/8 (RFC 1122)
      http://192.0.0.9/hook                                 ; IETF protocol assignments 192.0.0.0/24 (RFC 6890)
      http://192.0.2.1/hook                                 ; TEST-NET-1 documentation 192.0.2.0/24 (RFC 5737)
      http://224.0.0.1/hook                                 ; multicast 224.0.0.0/4 (RFC 5771)
      http://240.0.0.1/hook                                 ; reserved 240.0.0.0/4 (RFC 1112)
      https://[fd00:ec2::254]/hook                          ; unique-local fc00::/7 (RFC 4193)
      https://[fec0::1]/hook                                ; site-local (deprecated) fec0::/10 (RFC 3879)
      https://[ff0e::1]/hook                                ; multicast ff00::/8 (RFC 4291)
      https://[2001:db8::1]/hook                            ; documentation 2001:db8::/32 (RFC 3849)
      """)
  void aWebhookToASpecialPurposeAddressIsRefusedNamingItsRange(String url, String range) {
    assertThatThrownBy(() -> Webhooks.checkedUrl(url, STRICT))
        .isInstanceOf(AuctionProblems.InvalidWebhook.class)
        .hasMessage("the url's host is inside a private network or special-purpose range: " + range);
  }

  @Test
  void allowedAddressesLetThroughTheirBlocksOnly() {
    AddressGuard guard = properties(Map.of("allowed-addresses", "10.20.0.0/16, fd00:1::/32")).guard();

    assertThat(Webhooks.checkedUrl("http://10.20.3.4:9000/hook", guard).getHost()).isEqualTo("10.20.3.4");
    assertThat(Webhooks.checkedUrl("http://[fd00:1::5]/hook", guard).getHost()).isEqualTo("[fd00:1::5]");
    assertThatThrownBy(() -> Webhooks.checkedUrl("http://10.21.0.1/hook", guard)).hasMessageContaining("private-use 10.0.0.0/8");
    assertThatThrownBy(() -> Webhooks.checkedUrl("http://127.0.0.1/hook", guard)).hasMessageContaining("loopback");
  }

  @Test
  void allowingPrivateAddressesIsShorthandForAllowingEveryAddress() {
    AddressGuard guard = properties(Map.of("allow-private-addresses", "true")).guard();

    for (String address : new String[] {"10.0.0.1", "100.64.0.1", "255.255.255.255", "::1", "64:ff9b::7f00:1", "fe80::1"}) {
      assertThat(guard.refusal(InetAddress.ofLiteral(address))).as(address).isEmpty();
    }
    assertThat(properties(Map.of()).guard().refusal(InetAddress.ofLiteral("10.0.0.1"))).as("off by default").isPresent();
  }

  @Test
  void anAllowedBlockThatIsNotOneIsAConfigurationError() {
    assertThatThrownBy(() -> properties(Map.of("allowed-addresses", "10.20.0.1/16"))).isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("host bits");
    assertThatThrownBy(() -> properties(Map.of("allowed-addresses", "intranet.example/24"))).isInstanceOf(BindException.class);
  }

  @Test
  void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(WebhookDelivery.sign("Jefe".getBytes(), "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void propertiesBindTheAllowListAsBlocks() {
    WebhookProperties bound = properties(Map.of("allowed-addresses", "10.20.0.0/16,::1"));

    assertThat(bound.allowedAddresses()).containsExactly(CidrBlock.of("10.20.0.0/16"), CidrBlock.of("::1/128"));
    assertThat(bound.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties(Map.of()).allowedAddresses()).isEmpty();
  }

  /** nft.webhooks bound from {@code values} as Spring binds the application's configuration. */
  private static WebhookProperties properties(Map<String, String> values) {
    Map<String, String> prefixed = new HashMap<>();
    values.forEach((key, value) -> prefixed.put("nft.webhooks." + key, value));
    return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("nft.webhooks", WebhookProperties.class);
  }
}
