package io.nfttraders.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * HTTP(S) to URLs that users or tokens name, which must not reach inside our network. Every
 * connection gets its addresses from one resolution through the {@link AddressGuard} (IP literals
 * included) and connects only to addresses that passed: there is no second lookup a name could
 * answer differently (DNS rebinding). No proxy, no cookies, no retries. Redirects are never followed
 * by the HTTP library; {@link #get} follows them itself, each target checked like the first.
 */
public final class GuardedHttpClient implements AutoCloseable {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** A GET's answer: the URL that gave it (after redirects), its status, content type and body. */
  public record Fetched(URI uri, int status, @Nullable String contentType, byte[] body) {}

  /** A redirect not followed: one too many, without a usable Location, or to a URL that is not http(s) with a host. */
  public static final class RedirectRefused extends IOException {
    RedirectRefused(String message) {
      super(message);
    }
  }

  /** A GET not answered in full within its deadline: it was cut off where it was. */
  public static final class DeadlinePassed extends IOException {
    DeadlinePassed(URI uri, Duration deadline) {
      super(uri + " did not answer in full within " + deadline.toMillis() + " ms");
    }
  }

  /** An answer whose body is longer than the caller takes; the rest is not read. */
  public static final class BodyTooLarge extends IOException {
    BodyTooLarge(URI uri, long maxBytes) {
      super(uri + " answered more than " + maxBytes + " bytes");
    }
  }

  // cuts off GETs at their deadline: a server may send a byte just often enough that no read ever times out
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("http-deadlines").daemon().factory());

  private final CloseableHttpClient http;

  /**
   * @param connectTimeout to connect (and TLS handshake), and to wait for a pooled connection
   * @param responseTimeout the longest silence while waiting for or reading an answer
   */
  public GuardedHttpClient(AddressGuard guard, Duration connectTimeout, Duration responseTimeout) {
    ConnectionConfig connections = ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(Timeout.of(responseTimeout)).build();
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new GuardedResolver(guard)).setDefaultConnectionConfig(connections).build())
        // direct routes only: a proxy would resolve and connect to the target itself, unchecked
        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(connectTimeout)).setResponseTimeout(Timeout.of(responseTimeout)).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  /**
   * POSTs a JSON body and answers the status. A redirect is not followed (its 3xx is the answer), and
   * the answer's body is not read.
   *
   * @throws AddressRefused if the host is (or resolves to) a refused address; nothing was sent
   * @throws IllegalArgumentException if {@code target} is not an http(s) URL with a host
   */
  public int postJson(URI target, Map<String, String> headers, String json) throws IOException {
    HttpPost post = new HttpPost(checkedTarget(target));
    headers.forEach(post::setHeader);
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    ClassicHttpResponse response = http.executeOpen(null, post, null);
    // closed without draining: an endless answer must not keep us reading
    CloseableHttpResponse.adapt(response).close(CloseMode.IMMEDIATE);
    return response.getCode();
  }

  /**
   * GETs {@code target}, following up to {@code maxRedirects} redirects to http(s) URLs, each host
   * checked by the guard when connected to, and reads at most {@code maxBodyBytes} of the final body
   * (as decoded, so a compressed answer cannot expand past it).
   *
   * @throws AddressRefused if a host on the way is (or resolves to) a refused address; it was not connected to
   * @throws RedirectRefused if a redirect is not followed
   * @throws BodyTooLarge if the body is longer than {@code maxBodyBytes}
   * @throws IllegalArgumentException if {@code target} is not an http(s) URL with a host
   */
  public Fetched get(URI target, int maxRedirects, int maxBodyBytes) throws IOException {
    return get(target, maxRedirects, maxBodyBytes, (Duration) null);
  }

  /**
   * {@link #get(URI, int, int)} with a deadline for the whole exchange, redirects included: when it
   * passes, the connection is cut wherever the exchange is (connecting, waiting, reading).
   *
   * @throws DeadlinePassed if the deadline passed first
   */
  public Fetched get(URI target, int maxRedirects, int maxBodyBytes, @Nullable Duration deadline) throws IOException {
    InFlight inFlight = new InFlight();
    ScheduledFuture<?> timer = deadline == null ? null : DEADLINES.schedule(inFlight::cut, deadline.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return follow(checkedTarget(target), maxRedirects, maxBodyBytes, inFlight);
    } catch (IOException e) {
      if (inFlight.cut && deadline != null) {
        throw new DeadlinePassed(target, deadline);
      }
      throw e;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  /** The request and answer under way, for the deadline's timer to cut. */
  private static final class InFlight {
    private volatile @Nullable HttpGet request;
    private volatile @Nullable ClassicHttpResponse response;
    private volatile boolean cut;

    void cut() {
      cut = true;
      HttpGet pending = request;
      if (pending != null) {
        pending.cancel();
      }
      ClassicHttpResponse open = response;
      if (open != null) {
        CloseableHttpResponse.adapt(open).close(CloseMode.IMMEDIATE);
      }
    }
  }

  private Fetched follow(URI target, int maxRedirects, int maxBodyBytes, InFlight inFlight) throws IOException {
    URI current = target;
    for (int redirects = 0; ; redirects++) {
      HttpGet request = new HttpGet(current);
      inFlight.request = request;
      if (inFlight.cut) {
        throw new IOException("cut off before " + current);
      }
      ClassicHttpResponse response = http.executeOpen(null, request, null);
      inFlight.response = response;
      if (inFlight.cut) {
        CloseableHttpResponse.adapt(response).close(CloseMode.IMMEDIATE);
        throw new IOException("cut off while " + current + " answered");
      }
      boolean readToEnd = false;
      try {
        if (!REDIRECTS.contains(response.getCode())) {
          Fetched fetched = new Fetched(current, response.getCode(), contentType(response), body(current, response, maxBodyBytes));
          readToEnd = true;
          return fetched;
        }
        if (redirects == maxRedirects) {
          throw new RedirectRefused(current + " redirects once more after " + maxRedirects + " redirects");
        }
        current = redirectTarget(current, response);
      } finally {
        // a body read to its end leaves the connection reusable; any other is cut, not drained
        CloseableHttpResponse.adapt(response).close(readToEnd ? CloseMode.GRACEFUL : CloseMode.IMMEDIATE);
      }
    }
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
  }

  private static URI checkedTarget(URI target) {
    unfit(target).ifPresent(why -> {
      throw new IllegalArgumentException(target + " " + why);
    });
    return target;
  }

  private static URI redirectTarget(URI from, ClassicHttpResponse response) throws RedirectRefused {
    Header location = response.getFirstHeader("Location");
    if (location == null) {
      throw new RedirectRefused(from + " answered " + response.getCode() + " without a Location");
    }
    URI to;
    try {
      to = from.resolve(URI.create(location.getValue().strip()));
    } catch (IllegalArgumentException e) {
      throw new RedirectRefused(from + " redirects to an unreadable Location: " + location.getValue());
    }
    Optional<String> unfit = unfit(to);
    if (unfit.isPresent()) {
      throw new RedirectRefused(from + " redirects to " + to + ", which " + unfit.get());
    }
    return to;
  }

  /** Why {@code uri} is not requested; URI leaves the host null for forms such as {@code 127.1} that parsers read differently. */
  private static Optional<String> unfit(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("is not http(s)");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      return Optional.of("has no host name or address, or has credentials");
    }
    return Optional.empty();
  }

  private static @Nullable String contentType(ClassicHttpResponse response) {
    Header header = response.getFirstHeader("Content-Type");
    return header == null ? null : header.getValue();
  }

  private static byte[] body(URI uri, ClassicHttpResponse response, int maxBytes) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new byte[0];
    }
    if (entity.getContentLength() > maxBytes) {
      throw new BodyTooLarge(uri, maxBytes);
    }
    // not closed here: closing the stream drains what is left; the caller cuts the connection instead
    InputStream in = entity.getContent();
    byte[] body = in.readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      throw new BodyTooLarge(uri, maxBytes);
    }
    return body;
  }

  /** The connection pool's only way to addresses. */
  private record GuardedResolver(AddressGuard guard) implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return guard.resolve(host).toArray(InetAddress[]::new);
    }

    /** Asked only for Kerberos service names, which we never use; answered without a lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }
}
