package io.nfttraders.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright (which downloads no browser of its own). One
 * browser per test class; each user gets a context of their own (cookies, storage), as two people
 * on two machines would. Console errors of the pages are collected: a page that throws fails its test.
 */
public final class Browsers implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NFT_CHROMIUM", "/usr/bin/chromium"));
  /** Where the tests leave screenshots of the main pages (copied into docs/screenshots for the README). */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;
  private final String baseUrl;
  private final List<String> pageErrors = new ArrayList<>();

  public Browsers(int port) {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(CHROMIUM + " is missing: ./nft test installs Debian's chromium package (apt-get install chromium)");
    }
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    // as root, without the sandbox; no background connections (this machine's network is closed)
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync")));
    baseUrl = "http://localhost:" + port;
  }

  /** A fresh browser profile: one person. */
  public BrowserContext person() {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl).setViewportSize(1280, 900));
    context.setDefaultTimeout(60_000);
    context.onPage(this::watch);
    return context;
  }

  public Page open(BrowserContext person, String hash) {
    Page page = person.newPage();
    page.navigate("/" + hash);
    return page;
  }

  private void watch(Page page) {
    page.onPageError(error -> record("page error: " + error));
    page.onConsoleMessage(message -> {
      if (message.type().equals("error") && !message.text().contains("the server responded with a status of")) {
        record("console error: " + message.text());
      }
    });
  }

  private synchronized void record(String error) {
    pageErrors.add(error);
  }

  /** Errors the pages threw or logged so far (failed API calls the page handles are not errors). */
  public synchronized List<String> pageErrors() {
    return List.copyOf(pageErrors);
  }

  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
