package io.nfttraders.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.support.Browsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the browser journeys share: one Chromium per class against the shared server, and no page may throw. */
abstract class BrowserJourneys {

  static Browsers browsers;

  @LocalServerPort int port;

  @BeforeEach
  void openBrowser() {
    if (browsers == null) {
      browsers = new Browsers(port);
    }
  }

  @AfterEach
  void noPageThrew() {
    assertThat(browsers.pageErrors()).isEmpty();
  }

  @AfterAll
  static void closeBrowser() {
    if (browsers != null) {
      browsers.close();
      browsers = null;
    }
  }
}
