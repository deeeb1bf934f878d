package io.nfttraders.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EIP-4361 messages as wallets and the siwe library write them, read line by line, strictly. */
class SiweMessageTest {

  private static final String ADDRESS = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";

  @Test
  void readsEveryFieldOfAFullMessage() {
    SiweMessage m = SiweMessage.parse("""
        https://app.example.com:8443 wants you to sign in with your Ethereum account:
        0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

        Sign in to NFT Traders

        URI: https://app.example.com:8443/login
        Version: 1
        Chain ID: 31337
        Nonce: k3Jd82hQpLm0
        Issued At: 2026-11-22T10:00:00.000Z
        Expiration Time: 2026-11-22T10:10:00Z
        Not Before: 2026-11-22T09:59:00+00:00
        Request ID: req-7
        Resources:
        - ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi
        - https://app.example.com/terms""");
    assertThat(m.scheme()).isEqualTo("https");
    assertThat(m.domain()).isEqualTo("app.example.com:8443");
    assertThat(m.address()).isEqualTo(ADDRESS);
    assertThat(m.statement()).isEqualTo("Sign in to NFT Traders");
    assertThat(m.uri()).isEqualTo(URI.create("https://app.example.com:8443/login"));
    assertThat(m.chainId()).isEqualTo(31337);
    assertThat(m.nonce()).isEqualTo("k3Jd82hQpLm0");
    assertThat(m.issuedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(m.expirationTime()).isEqualTo(Instant.parse("2026-11-22T10:10:00Z"));
    assertThat(m.notBefore()).isEqualTo(Instant.parse("2026-11-22T09:59:00Z"));
    assertThat(m.requestId()).isEqualTo("req-7");
    assertThat(m.resources()).hasSize(2);
  }

  @Test
  void aMessageWithoutAStatementHasThreeLineBreaksAfterTheAddress() {
    SiweMessage m = SiweMessage.parse("localhost:8080 wants you to sign in with your Ethereum account:\n" + ADDRESS + "\n\n\n"
        + "URI: http://localhost:8080\nVersion: 1\nChain ID: 1\nNonce: 12345678\nIssued At: 2026-11-22T10:00:00Z");
    assertThat(m.statement()).isNull();
    assertThat(m.scheme()).isNull();
    assertThat(m.expirationTime()).isNull();
    assertThat(m.resources()).isEmpty();
  }

  @Test
  void refusesWhatTheGrammarDoesNotAllow() {
    String good = "localhost:8080 wants you to sign in with your Ethereum account:\n" + ADDRESS + "\n\nHi\n\n"
        + "URI: http://localhost:8080\nVersion: 1\nChain ID: 1\nNonce: 12345678\nIssued At: 2026-11-22T10:00:00Z";
    assertThat(SiweMessage.parse(good).statement()).isEqualTo("Hi");
    assertInvalid(good.replace(ADDRESS, ADDRESS.toLowerCase().replace("0xc02", "0xC02")), "EIP-55");
    assertInvalid(good.replace("Nonce: 12345678", "Nonce: 1234567"), "Nonce");
    assertInvalid(good.replace("Version: 1", "Version: 2"), "Version");
    assertInvalid(good.replace("Chain ID: 1", "Chain ID: one"), "Chain ID");
    assertInvalid(good.replace("2026-11-22T10:00:00Z", "yesterday"), "RFC 3339");
    assertInvalid(good.replace("Version: 1\nChain ID: 1", "Chain ID: 1\nVersion: 1"), "Version");
    assertInvalid(good.replace("URI: http://localhost:8080", "URI: localhost"), "absolute");
    assertInvalid(good + "\nSomething: else", "unexpected");
    assertInvalid(good.replace(" wants you", " would like you"), "first line");
    assertInvalid(good.substring(0, good.indexOf("\nIssued At")), "Issued At");
  }

  private static void assertInvalid(String message, String why) {
    assertThatThrownBy(() -> SiweMessage.parse(message)).isInstanceOf(AuthProblems.InvalidSiweMessage.class).hasMessageContaining(why);
  }
}
