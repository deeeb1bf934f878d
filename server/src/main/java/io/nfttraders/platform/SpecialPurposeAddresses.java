package io.nfttraders.platform;

import java.util.List;
import java.util.Optional;

/**
 * The address blocks an outbound request must not reach, from the IANA IPv4 and IPv6 Special-Purpose
 * Address Registries (both last updated 2025-10-09) plus multicast, and the IPv6 forms that carry an
 * IPv4 address. Decided on the raw bytes: a resolver may hand back {@code ::ffff:127.0.0.1} as an
 * {@code Inet6Address}, whose {@code isLoopbackAddress()} is false.
 *
 * <p>Stricter than the registries in three ways, each so that one prefix test stays safe when IANA
 * adds rows: all of {@code 192.0.0.0/24} and {@code 2001::/23} are refused, including their globally
 * reachable anycast and identifier carve-outs (no webhook receiver or metadata host lives there); all
 * of 6to4 and Teredo are refused, whatever they embed; and IPv6 outside {@code 2000::/3} (the only
 * global unicast space allocated) is refused, which covers new blocks such as {@code 5f00::/16}
 * before they are listed.
 */
final class SpecialPurposeAddresses {

  /** An IPv4 address carried at {@code offset} of an IPv6 address, bit-inverted for Teredo's client. */
  private record Embedded(String role, int offset, boolean inverted) {}

  private record Range(CidrBlock block, String name, List<Embedded> embedded) {

    String reason(byte[] address) {
      StringBuilder reason = new StringBuilder(name);
      embedded.forEach(e -> reason.append(", ").append(e.role()).append(' ').append(ipv4Text(ipv4(address, e))));
      return reason.toString();
    }
  }

  // first match names the reason, so a block comes before any block containing it
  private static final List<Range> IPV4 = List.of(
      range("0.0.0.0/8", "\"this network\"", "RFC 791"),
      range("10.0.0.0/8", "private-use", "RFC 1918"),
      range("100.64.0.0/10", "carrier-grade NAT", "RFC 6598"),
      range("127.0.0.0/8", "loopback", "RFC 1122"),
      range("169.254.0.0/16", "link-local", "RFC 3927"),
      range("172.16.0.0/12", "private-use", "RFC 1918"),
      range("192.0.0.0/24", "IETF protocol assignments", "RFC 6890"),
      range("192.0.2.0/24", "TEST-NET-1 documentation", "RFC 5737"),
      range("192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526"),
      range("192.168.0.0/16", "private-use", "RFC 1918"),
      range("198.18.0.0/15", "benchmarking", "RFC 2544"),
      range("198.51.100.0/24", "TEST-NET-2 documentation", "RFC 5737"),
      range("203.0.113.0/24", "TEST-NET-3 documentation", "RFC 5737"),
      range("224.0.0.0/4", "multicast", "RFC 5771"),
      range("255.255.255.255/32", "limited broadcast", "RFC 919"),
      range("240.0.0.0/4", "reserved", "RFC 1112"));

  private static final Embedded LOW_32_BITS = new Embedded("embedding", 12, false);

  private static final List<Range> IPV6 = List.of(
      range("::/128", "unspecified", "RFC 4291"),
      range("::1/128", "loopback", "RFC 4291"),
      range("::ffff:0:0/96", "IPv4-mapped", "RFC 4291", LOW_32_BITS),
      range("::/96", "IPv4-compatible (deprecated)", "RFC 4291", LOW_32_BITS),
      range("::ffff:0:0:0/96", "IPv4-translated", "RFC 6145", LOW_32_BITS),
      range("64:ff9b:1::/48", "local-use IPv4/IPv6 translation", "RFC 8215"),
      range("100::/64", "discard-only", "RFC 6666"),
      range("100:0:0:1::/64", "dummy prefix", "RFC 9780"),
      range("2001::/32", "Teredo", "RFC 4380", new Embedded("server", 4, false), new Embedded("client", 12, true)),
      range("2001::/23", "IETF protocol assignments", "RFC 2928"),
      range("2001:db8::/32", "documentation", "RFC 3849"),
      range("2002::/16", "6to4", "RFC 3056", new Embedded("embedding", 2, false)),
      range("3fff::/20", "documentation", "RFC 9637"),
      range("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602"),
      range("fc00::/7", "unique-local", "RFC 4193"),
      range("fe80::/10", "link-local", "RFC 4291"),
      range("fec0::/10", "site-local (deprecated)", "RFC 3879"),
      range("ff00::/8", "multicast", "RFC 4291"));

  /** Globally reachable (RFC 6052 section 3.1 forbids it for non-global IPv4), so judged by the IPv4 inside. */
  private static final CidrBlock NAT64 = CidrBlock.of("64:ff9b::/96");
  private static final CidrBlock GLOBAL_UNICAST = CidrBlock.of("2000::/3");

  private SpecialPurposeAddresses() {}

  /** Why {@code address} (4 or 16 bytes) must not be connected to; empty when it may be. */
  static Optional<String> refusal(byte[] address) {
    if (address.length == 4) {
      return firstRange(IPV4, address);
    }
    if (NAT64.contains(address)) {
      return embeddedRefusal("NAT64 64:ff9b::/96 (RFC 6052)", address);
    }
    Optional<String> named = firstRange(IPV6, address);
    if (named.isPresent()) {
      return named;
    }
    if (!GLOBAL_UNICAST.contains(address)) {
      return Optional.of("outside global unicast 2000::/3 (RFC 4291)");
    }
    return isIsatap(address) ? embeddedRefusal("ISATAP interface id (RFC 5214)", address) : Optional.empty();
  }

  private static Optional<String> firstRange(List<Range> ranges, byte[] address) {
    return ranges.stream().filter(r -> r.block().contains(address)).findFirst().map(r -> r.reason(address));
  }

  private static Optional<String> embeddedRefusal(String form, byte[] address) {
    byte[] ipv4 = ipv4(address, LOW_32_BITS);
    return firstRange(IPV4, ipv4).map(why -> form + " embedding " + ipv4Text(ipv4) + ": " + why);
  }

  /** An interface id {@code [02]00:5efe:a.b.c.d} under any /64; masking 0xfc also takes the group-bit variants. */
  private static boolean isIsatap(byte[] address) {
    return (address[8] & 0xfc) == 0 && address[9] == 0 && (address[10] & 0xff) == 0x5e && (address[11] & 0xff) == 0xfe;
  }

  private static byte[] ipv4(byte[] address, Embedded at) {
    byte[] ipv4 = new byte[4];
    for (int i = 0; i < 4; i++) {
      ipv4[i] = (byte) (at.inverted() ? ~address[at.offset() + i] : address[at.offset() + i]);
    }
    return ipv4;
  }

  private static String ipv4Text(byte[] ipv4) {
    return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
  }

  private static Range range(String cidr, String name, String rfc, Embedded... embedded) {
    return new Range(CidrBlock.of(cidr), name + " " + cidr + " (" + rfc + ")", List.of(embedded));
  }
}
