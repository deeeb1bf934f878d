package io.nfttraders.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AddressGuardTest {

  private static final AddressGuard STRICT = AddressGuard.strict();

  /**
   * Every refused block of the IANA special-purpose registries (and multicast, site-local, the IPv6
   * forms carrying IPv4): what its reason must name, and whether the address just below its first
   * and just above its last is allowed ("-": there is none). A neighbour is refused where it falls
   * into another refused block or outside IPv6 global unicast (2000::/3).
   */
  private static final String RANGES = """
      0.0.0.0/8          ; "this network"              ; -      ; allow
      10.0.0.0/8         ; private-use 10.0.0.0/8       ; allow  ; allow
      100.64.0.0/10      ; carrier-grade NAT 100.64.0.0/10 ; allow  ; allow
      127.0.0.0/8        ; loopback                     ; allow  ; allow
      169.254.0.0/16     ; link-local                   ; allow  ; allow
      172.16.0.0/12      ; private-use 172.16.0.0/12    ; allow  ; allow
      192.0.0.0/24       ; IETF protocol assignments    ; allow  ; allow
      192.0.2.0/24       ; TEST-NET-1                   ; allow  ; allow
      192.88.99.0/24     ; 6to4 relay anycast           ; allow  ; allow
      192.168.0.0/16     ; private-use 192.168.0.0/16   ; allow  ; allow
      198.18.0.0/15      ; benchmarking                 ; allow  ; allow
      198.51.100.0/24    ; TEST-NET-2                   ; allow  ; allow
      203.0.113.0/24     ; TEST-NET-3                   ; allow  ; allow
      224.0.0.0/4        ; multicast                    ; allow  ; refuse
      240.0.0.0/4        ; reserved                     ; refuse ; -
      255.255.255.255/32 ; limited broadcast            ; refuse ; -
      ::/128             ; unspecified                  ; -      ; refuse
      ::1/128            ; loopback                     ; refuse ; refuse
      ::/96              ; IPv4-compatible              ; -      ; refuse
      ::ffff:0:0/96      ; IPv4-mapped                  ; refuse ; refuse
      ::ffff:0:0:0/96    ; IPv4-translated              ; refuse ; refuse
      64:ff9b:1::/48     ; local-use IPv4/IPv6 transl   ; refuse ; refuse
      100::/64           ; discard-only                 ; refuse ; refuse
      100:0:0:1::/64     ; dummy prefix                 ; refuse ; refuse
      2001::/32          ; Teredo                       ; allow  ; refuse
      2001::/23          ; IETF protocol assignments    ; allow  ; allow
      2001:db8::/32      ; documentation 2001:db8::/32  ; allow  ; allow
      2002::/16          ; 6to4 2002::/16               ; allow  ; allow
      3fff::/20          ; documentation 3fff::/20      ; allow  ; allow
      5f00::/16          ; segment routing              ; refuse ; refuse
      fc00::/7           ; unique-local                 ; refuse ; refuse
      fe80::/10          ; link-local fe80::/10         ; refuse ; refuse
      fec0::/10          ; site-local                   ; refuse ; refuse
      ff00::/8           ; multicast ff00::/8           ; refuse ; -
      """;

  private record Range(CidrBlock block, String reason, String below, String above) {}

  private static final List<Range> TABLE = RANGES.lines().map(line -> line.split(";")).map(cells -> new Range(
      CidrBlock.of(cells[0].strip()), cells[1].strip(), cells[2].strip(), cells[3].strip())).toList();

  static Stream<Range> ranges() {
    return TABLE.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void theFirstMiddleAndLastAddressOfEveryRefusedBlockAreRefusedAndItsNeighboursJudgedOnTheirOwn(Range range) {
    BigInteger first = new BigInteger(1, range.block().network().getAddress());
    int bits = range.block().network().getAddress().length * 8;
    BigInteger size = BigInteger.ONE.shiftLeft(bits - range.block().prefixLength());
    BigInteger last = first.add(size).subtract(BigInteger.ONE);
    SoftAssertions softly = new SoftAssertions();
    for (BigInteger inside : List.of(first, first.add(size.shiftRight(1)), last)) {
      InetAddress address = address(inside, bits);
      // an address of a narrower block inside this one is refused with that block's reason
      softly.assertThat(STRICT.refusal(address)).as(address.getHostAddress()).hasValueSatisfying(why -> assertThat(why).contains(narrowest(address).reason()));
    }
    if (!range.below().equals("-")) {
      softly.assertThat(STRICT.refusal(address(first.subtract(BigInteger.ONE), bits)).isEmpty()).as("just below").isEqualTo(range.below().equals("allow"));
    }
    if (!range.above().equals("-")) {
      softly.assertThat(STRICT.refusal(address(last.add(BigInteger.ONE), bits)).isEmpty()).as("just above").isEqualTo(range.above().equals("allow"));
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvFileSource(resources = "special-purpose-vectors.csv")
  void theResearchVectorsAreDecidedAsTheRegistriesAndOurStricterRulesSay(String address, String expected, String why) {
    assertThat(STRICT.refusal(resolved(address)).isEmpty()).isEqualTo(expected.equals("allow"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', textBlock = """
      ::ffff:127.0.0.1                      ; refuse ; IPv4-mapped ::ffff:0:0/96 (RFC 4291), embedding 127.0.0.1
      ::ffff:169.254.169.254                ; refuse ; IPv4-mapped ::ffff:0:0/96 (RFC 4291), embedding 169.254.169.254
      ::ffff:8.8.8.8                        ; refuse ; IPv4-mapped ::ffff:0:0/96 (RFC 4291), embedding 8.8.8.8
      ::127.0.0.1                           ; refuse ; IPv4-compatible (deprecated) ::/96 (RFC 4291), embedding 127.0.0.1
      ::ffff:0:10.0.0.1                     ; refuse ; IPv4-translated ::ffff:0:0:0/96 (RFC 6145), embedding 10.0.0.1
      64:ff9b::127.0.0.1                    ; refuse ; NAT64 64:ff9b::/96 (RFC 6052) embedding 127.0.0.1: loopback 127.0.0.0/8 (RFC 1122)
      64:ff9b::100.64.0.1                   ; refuse ; NAT64 64:ff9b::/96 (RFC 6052) embedding 100.64.0.1: carrier-grade NAT
      64:ff9b::169.254.169.254              ; refuse ; embedding 169.254.169.254: link-local
      64:ff9b::198.18.0.1                   ; refuse ; embedding 198.18.0.1: benchmarking
      64:ff9b::255.255.255.255              ; refuse ; embedding 255.255.255.255: limited broadcast
      64:ff9b::0.0.0.0                      ; refuse ; embedding 0.0.0.0: "this network"
      64:ff9b::8.8.8.8                      ; allow  ;
      64:ff9b:1::8.8.8.8                    ; refuse ; local-use IPv4/IPv6 translation 64:ff9b:1::/48 (RFC 8215)
      2002:7f00:1::1                        ; refuse ; 6to4 2002::/16 (RFC 3056), embedding 127.0.0.1
      2002:c000:204::1                      ; refuse ; 6to4 2002::/16 (RFC 3056), embedding 192.0.2.4
      2002:808:808::1                       ; refuse ; 6to4 2002::/16 (RFC 3056), embedding 8.8.8.8
      2001:0:4136:e378:8000:63bf:3fff:fdd2  ; refuse ; Teredo 2001::/32 (RFC 4380), server 65.54.227.120, client 192.0.2.45
      2001:0:a00:1:8000:63bf:80ff:fffe      ; refuse ; Teredo 2001::/32 (RFC 4380), server 10.0.0.1, client 127.0.0.1
      2001:470::5efe:7f00:1                 ; refuse ; ISATAP interface id (RFC 5214) embedding 127.0.0.1: loopback
      2001:470::200:5efe:a00:1              ; refuse ; ISATAP interface id (RFC 5214) embedding 10.0.0.1: private-use
      2001:470::100:5efe:a9fe:a9fe          ; refuse ; ISATAP interface id (RFC 5214) embedding 169.254.169.254: link-local
      2001:470::200:5efe:808:808            ; allow  ;
      fe80::200:5efe:a9fe:a9fe              ; refuse ; link-local fe80::/10
      """)
  void anIpv6FormCarryingAnIpv4AddressIsJudgedWithTheAddressItCarriesNamed(String address, String expected, String reason) {
    Optional<String> refusal = STRICT.refusal(resolved(address));
    if (expected.equals("allow")) {
      assertThat(refusal).isEmpty();
    } else {
      assertThat(refusal).hasValueSatisfying(why -> assertThat(why).contains(reason));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      http://127.0.0.1/               ; loopback 127.0.0.0/8
      http://2130706433/              ; loopback 127.0.0.0/8
      http://0/                       ; "this network"
      http://0.0.0.0:8080/            ; "this network"
      http://4294967295/              ; limited broadcast
      http://100.64.0.1/              ; carrier-grade NAT
      http://198.18.0.1/              ; benchmarking
      http://255.255.255.255/         ; limited broadcast
      http://[::]/                    ; unspecified
      http://[::1]:8080/              ; loopback ::1/128
      http://[::ffff:127.0.0.1]/      ; loopback 127.0.0.0/8
      http://[::ffff:7f00:1]/         ; loopback 127.0.0.0/8
      http://[::127.0.0.1]/           ; IPv4-compatible
      http://[64:ff9b::7f00:1]/       ; NAT64 64:ff9b::/96 (RFC 6052) embedding 127.0.0.1
      http://[64:ff9b::10.1.2.3]/     ; NAT64 64:ff9b::/96 (RFC 6052) embedding 10.1.2.3
      http://[2002:a9fe:a9fe::]/      ; 6to4 2002::/16 (RFC 3056), embedding 169.254.169.254
      http://[fe80::1]/               ; link-local
      http://[fd00:ec2::254]/         ; unique-local
      http://[ff02::1]/               ; multicast
      """)
  void anIpLiteralHostOfAUrlIsRefusedAsTheJdkReadsIt(String url, String reason) {
    String host = URI.create(url).getHost();
    assertThatThrownBy(() -> STRICT.resolve(host)).isInstanceOfSatisfying(AddressRefused.class, e -> {
      assertThat(e.reason()).contains(reason);
      assertThat(e.getMessage()).contains(e.reason());
    });
  }

  @Test
  void theCheckedAddressIsWhereTheJdkConnectsNotWhatOtherParsersReadInTheHost() throws UnknownHostException {
    // the JDK reads a leading zero as decimal (curl and browsers read octal 127.0.0.1): 177.0.0.1 is what it would connect to
    assertThat(STRICT.resolve("0177.0.0.1")).containsExactly(InetAddress.ofLiteral("177.0.0.1"));
    assertThatThrownBy(() -> STRICT.resolve("127.1")).isInstanceOf(AddressRefused.class).hasMessageContaining("loopback");
    assertThatThrownBy(() -> STRICT.resolve("")).as("no host is the loopback address").isInstanceOf(AddressRefused.class);
  }

  @Test
  void anAllowListLetsThroughOnlyItsOwnBlocks() {
    AddressGuard loopbackOnly = AddressGuard.allowing(List.of(CidrBlock.of("127.0.0.1/32")));
    assertThat(loopbackOnly.refusal(resolved("127.0.0.1"))).isEmpty();
    assertThat(loopbackOnly.refusal(resolved("127.0.0.2"))).hasValueSatisfying(why -> assertThat(why).contains("loopback"));
    assertThat(loopbackOnly.refusal(resolved("::1"))).isPresent();
    assertThat(loopbackOnly.refusal(resolved("::ffff:127.0.0.1"))).as("the mapped form is another address").isPresent();
    assertThat(loopbackOnly.refusal(resolved("10.0.0.1"))).isPresent();

    AddressGuard everything = AddressGuard.allowing(List.of(CidrBlock.of("0.0.0.0/0"), CidrBlock.of("::/0")));
    for (String address : new String[] {"10.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "fe80::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1"}) {
      assertThat(everything.refusal(resolved(address))).as(address).isEmpty();
    }
    assertThat(STRICT.refusal(resolved("93.184.215.14"))).isEmpty();
    assertThat(STRICT.refusal(resolved("2606:4700:4700::1111"))).isEmpty();
  }

  private static Range narrowest(InetAddress address) {
    return TABLE.stream().filter(r -> r.block().contains(address)).max(Comparator.comparingInt(r -> r.block().prefixLength())).orElseThrow();
  }

  private static InetAddress address(BigInteger value, int bits) {
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[bits / 8];
    int copied = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - copied, bytes, bytes.length - copied, copied);
    return asResolved(bytes);
  }

  /** The address as a resolver hands it over: 16 bytes stay an Inet6Address, even ::ffff:a.b.c.d. */
  static InetAddress resolved(String literal) {
    InetAddress parsed = InetAddress.ofLiteral(literal);
    if (parsed instanceof Inet4Address && literal.contains(":")) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
      return asResolved(mapped);
    }
    return parsed;
  }

  private static InetAddress asResolved(byte[] bytes) {
    try {
      return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(Arrays.toString(bytes), e);
    }
  }
}
