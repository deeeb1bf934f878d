package io.nfttraders.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensTest {

  private final BearerTokens tokens = new BearerTokens();
  private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

  @Test
  void takesTheTokenOfABearerHeaderAsSpringsResolverDoes() {
    for (String header : new String[] {"Bearer abc.DEF-123_~+/xyz==", "bearer abc", "BEARER a.b.c", "Bearer x="}) {
      assertThat(tokens.resolve(request(header))).as(header).isEqualTo(spring.resolve(request(header)));
    }
    assertThat(tokens.resolve(request("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"))).isEqualTo("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln");
  }

  @Test
  void ignoresOtherSchemesAndNoHeader() {
    assertThat(tokens.resolve(new MockHttpServletRequest())).isNull();
    assertThat(tokens.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
    assertThat(spring.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
  }

  @Test
  void refusesAMalformedBearerTokenAsSpringsResolverDoes() {
    for (String header : new String[] {"Bearer ", "Bearer a b", "Bearer a=b", "Bearer \"quoted\"", "Bearer =abc", "Bearertoken", "Bearer  abc"}) {
      assertThatThrownBy(() -> tokens.resolve(request(header))).as(header).isInstanceOf(OAuth2AuthenticationException.class);
      assertThatThrownBy(() -> spring.resolve(request(header))).as("Spring: " + header).isInstanceOf(OAuth2AuthenticationException.class);
    }
  }

  private static MockHttpServletRequest request(String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", authorization);
    return request;
  }
}
