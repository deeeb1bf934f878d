package io.nfttraders.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

  @Test
  void aBlockIsReadFromItsFirstAddressAndPrefixOrFromOneAddress() {
    assertThat(CidrBlock.of("100.64.0.0/10")).isEqualTo(new CidrBlock(InetAddress.ofLiteral("100.64.0.0"), 10));
    assertThat(CidrBlock.of(" 2001:db8::/32 ").toString()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
    assertThat(CidrBlock.of("127.0.0.1").prefixLength()).isEqualTo(32);
    assertThat(CidrBlock.of("::1").prefixLength()).isEqualTo(128);
  }

  @Test
  void aBlockWrittenInIpv4MappedNotationStaysIpv6() {
    CidrBlock mapped = CidrBlock.of("::ffff:0:0/96");
    assertThat(mapped.network()).isInstanceOf(Inet6Address.class);
    assertThat(mapped.contains(InetAddress.ofLiteral("1.2.3.4"))).as("an IPv4 address is never in an IPv6 block").isFalse();
    assertThat(CidrBlock.of("0.0.0.0/0").contains(InetAddress.ofLiteral("::1"))).as("nor the reverse").isFalse();
  }

  @Test
  void containsIsExactAtPrefixesThatDoNotEndOnAByte() {
    CidrBlock cgnat = CidrBlock.of("100.64.0.0/10");
    assertThat(cgnat.contains(InetAddress.ofLiteral("100.64.0.0"))).isTrue();
    assertThat(cgnat.contains(InetAddress.ofLiteral("100.127.255.255"))).isTrue();
    assertThat(cgnat.contains(InetAddress.ofLiteral("100.63.255.255"))).isFalse();
    assertThat(cgnat.contains(InetAddress.ofLiteral("100.128.0.0"))).isFalse();
    CidrBlock uniqueLocal = CidrBlock.of("fc00::/7");
    assertThat(uniqueLocal.contains(InetAddress.ofLiteral("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
    assertThat(uniqueLocal.contains(InetAddress.ofLiteral("fe00::"))).isFalse();
    assertThat(CidrBlock.of("::/0").contains(InetAddress.ofLiteral("ffff::1"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/-1", "::/129", "10.0.0.0/x", "10.0.0.0/", "localhost/32", "example.invalid", "", "0x7f.1/32"})
  void anythingButAnIpLiteralWithAFittingPrefixAndNoHostBitsIsRefused(String text) {
    assertThatThrownBy(() -> CidrBlock.of(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
