package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.nfttraders.content.ContentStore;
import io.nfttraders.content.InvalidContentPath;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The gateway's own path checks. In the running server Tomcat and Spring Security's firewall
 * refuse these requests first (IpfsGatewayTest); the controller must not rely on that.
 */
class IpfsGatewayControllerTest {

  @Test
  void refusesEncodedSeparatorsEvenWhenTheServerLetsThemThrough() {
    ContentStore store = new UnixFsContentStore(new MemoryContentBackend());
    String directory = "/ipfs/" + ContentStoreContract.tokens(store, 8).cid();
    MockMvc mvc = MockMvcBuilders.standaloneSetup(new IpfsGatewayController(store)).build();

    for (String path : new String[] {"/0%2F..%2F7", "/%2e%2e/7", "/0%5C7", "/7%00"}) {
      assertThatThrownBy(() -> mvc.perform(get(URI.create(directory + path))))
          .as(path)
          .hasRootCauseInstanceOf(InvalidContentPath.class);
    }
  }
}
