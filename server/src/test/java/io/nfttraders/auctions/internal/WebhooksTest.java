package io.nfttraders.auctions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhooksTest {

  @Test
  void aWebhookMustBeAnHttpUrlOutsideOurNetwork() {
    assertThat(Webhooks.checkedUrl("https://93.184.215.14/hooks/nft", false).toString()).isEqualTo("https://93.184.215.14/hooks/nft");
    for (String inside : new String[] {"http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x", "http://192.168.0.1/x",
        "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x", "http://0.0.0.0/x"}) {
      assertThatThrownBy(() -> Webhooks.checkedUrl(inside, false)).as(inside).hasMessageContaining("private network");
    }
    for (String bad : new String[] {"ftp://93.184.215.14/x", "https://user:pw@93.184.215.14/x", "not a url", "https:///path", "javascript:alert(1)"}) {
      assertThatThrownBy(() -> Webhooks.checkedUrl(bad, false)).as(bad).isInstanceOf(AuctionProblems.InvalidWebhook.class);
    }
    assertThat(Webhooks.checkedUrl("http://127.0.0.1:8080/x", true).getPort()).isEqualTo(8080);
  }

  @Test
  void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(WebhookDelivery.sign("Jefe".getBytes(), "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}
