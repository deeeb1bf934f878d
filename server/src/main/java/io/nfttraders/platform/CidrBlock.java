package io.nfttraders.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation, e.g. {@code 100.64.0.0/10}. The network must be
 * the block's first address: {@code 10.0.0.1/8} is refused rather than read as {@code 10.0.0.0/8}, since
 * a typo in an allow-list should not silently widen it.
 */
public record CidrBlock(InetAddress network, int prefixLength) {

  public CidrBlock {
    byte[] bytes = network.getAddress();
    if (prefixLength < 0 || prefixLength > bytes.length * 8) {
      throw new IllegalArgumentException("a prefix of " + network.getHostAddress() + " is 0 to " + bytes.length * 8 + " bits, not " + prefixLength);
    }
    for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
      if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixLength + " has host bits set: name the block by its first address");
      }
    }
  }

  /**
   * Reads {@code address/prefix}, or a single address ({@code /32} or {@code /128}). Only IP literals:
   * a host name is refused, never looked up. (Spring binds configuration strings through this method.)
   */
  public static CidrBlock of(String text) {
    int slash = text.indexOf('/');
    String literal = (slash < 0 ? text : text.substring(0, slash)).strip();
    InetAddress network;
    try {
      network = InetAddress.ofLiteral(literal);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an IP address block (address/prefix): " + text, e);
    }
    // the JDK reads ::ffff:a.b.c.d as the IPv4 address; a block written in IPv6 notation stays IPv6
    if (network instanceof Inet4Address && literal.indexOf(':') >= 0) {
      network = ipv4Mapped(network.getAddress());
    }
    if (slash < 0) {
      return new CidrBlock(network, network.getAddress().length * 8);
    }
    try {
      return new CidrBlock(network, Integer.parseInt(text.substring(slash + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address block (address/prefix): " + text, e);
    }
  }

  /** Whether {@code address} is inside; an IPv4 address is never inside an IPv6 block, nor the reverse. */
  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] address) {
    byte[] bytes = network.getAddress();
    if (address.length != bytes.length) {
      return false;
    }
    int whole = prefixLength / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != bytes[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    return rest == 0 || ((address[whole] ^ bytes[whole]) & (0xff00 >>> rest) & 0xff) == 0;
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }

  private static InetAddress ipv4Mapped(byte[] ipv4) {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(ipv4, 0, mapped, 12, 4);
    try {
      return Inet6Address.getByAddress(null, mapped, -1);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }
}
