package io.nfttraders.platform.internal.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A request whose body has fully arrived ({@link BodyIntake}): it is read from memory or a
 * temporary file, never from the connection, so no request thread waits on a slow client. A
 * multipart body comes already parsed into parts and form fields.
 */
final class ReceivedRequest extends HttpServletRequestWrapper {

  private final BodyBuffer body;
  private final @Nullable MultipartBody multipart;
  private @Nullable Map<String, String[]> parameters;
  private volatile boolean redispatched;

  ReceivedRequest(HttpServletRequest request, BodyBuffer body, @Nullable MultipartBody multipart) {
    super(request);
    this.body = body;
    this.multipart = multipart;
  }

  /**
   * While the request is dispatched again with its body, it is a plain request to the filters and
   * the servlet behind {@link BodyIntake}: none of them saw it before, and Spring's filters skip a
   * dispatch they take for the resumption of one they already handled (Spring Security would not
   * authenticate it). Any later asynchronous dispatch is what it is.
   */
  void redispatch(boolean on) {
    redispatched = on;
  }

  boolean isMultipart() {
    return multipart != null;
  }

  @Override
  public DispatcherType getDispatcherType() {
    return redispatched ? DispatcherType.REQUEST : super.getDispatcherType();
  }

  @Override
  public ServletInputStream getInputStream() {
    return new Stream(body.open());
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public int getContentLength() {
    return (int) Math.min(Integer.MAX_VALUE, body.size());
  }

  @Override
  public long getContentLengthLong() {
    return body.size();
  }

  @Override
  public Collection<Part> getParts() {
    return multipart == null ? List.of() : multipart.parts();
  }

  @Override
  public @Nullable Part getPart(String name) {
    return getParts().stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
  }

  @Override
  public @Nullable String getParameter(String name) {
    String[] values = getParameterMap().get(name);
    return values == null ? null : values[0];
  }

  @Override
  public String @Nullable [] getParameterValues(String name) {
    return getParameterMap().get(name);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(getParameterMap().keySet());
  }

  /**
   * The query string's parameters, and a multipart body's fields. Tomcat's own parameter parsing
   * is not asked: for a multipart request it would try to read the body from the connection again.
   */
  @Override
  public Map<String, String[]> getParameterMap() {
    if (parameters == null) {
      if (multipart == null) {
        parameters = super.getParameterMap();
      } else {
        Map<String, String[]> merged = new LinkedHashMap<>();
        String query = getQueryString();
        if (query != null) {
          MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
          raw.forEach((name, values) -> merged.put(decode(name), values.stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
        }
        multipart.fields().forEach((name, values) -> merged.merge(name, values.toArray(String[]::new), ReceivedRequest::concat));
        parameters = Collections.unmodifiableMap(merged);
      }
    }
    return parameters;
  }

  /** The query was checked to decode when the request arrived ({@link HeaderAndQueryChecks}). */
  private static String decode(String value) {
    return UriUtils.decode(value.replace('+', ' '), StandardCharsets.UTF_8);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static final class Stream extends ServletInputStream {
    private final InputStream in;
    private boolean finished;

    Stream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      finished = b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      finished = n < 0;
      return n;
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new IllegalStateException("the body has already arrived; read it directly");
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
