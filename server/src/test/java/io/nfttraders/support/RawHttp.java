package io.nfttraders.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: java.net.http refuses to send an invalid
 * percent-escape, a NUL in a header or a broken chunk, and those are what hostile clients send.
 * One request per connection ({@code Connection: close}); the request is sent whole, then (unless
 * asked not to) the sending side is shut, so a server that waits for more sees the end at once; or
 * it is sent in pieces some time apart, as a slow client's.
 */
public final class RawHttp {

  /** What came back; {@code status} is 0 when no status line arrived (see {@code failure}). */
  public record Reply(int status, Map<String, String> headers, byte[] body, @Nullable String failure) {

    public @Nullable String contentType() {
      return headers.get("content-type");
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  /** The head (request line and headers, each line ending in CRLF, without the empty line) with Host and Connection added, then the body. */
  public Reply send(String head, byte[] body) {
    return send(head, body, true);
  }

  /**
   * As {@link #send(String, byte[])}, the sending side left open if {@code shutSendingSide} is
   * false: Tomcat closes a connection unanswered when its client shuts the sending side right after
   * a whole chunked body (the end of the body dispatches a second processor, which reads the end
   * of the connection), so only a request that never arrives whole needs the end to be seen.
   */
  public Reply send(String head, byte[] body, boolean shutSendingSide) {
    byte[] headBytes = (head + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return sendRaw(concat(headBytes, body), shutSendingSide);
  }

  /** A request line and headers, with Host and Connection added and the empty line that ends them. */
  public byte[] head(String requestLine, String... headers) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    return (head + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The pieces {@code gap} apart (as long as the server reads them), then the answer. */
  public Reply sendInPieces(Duration gap, byte[]... pieces) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(60_000);
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          Thread.sleep(gap);
        }
        try {
          socket.getOutputStream().write(pieces[i]);
          socket.getOutputStream().flush();
        } catch (IOException closedByTheServer) {
          break;
        }
      }
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      @Nullable String readFailure = readAll(socket.getInputStream(), received);
      return parse(received.toByteArray(), readFailure);
    } catch (IOException e) {
      return new Reply(0, Map.of(), new byte[0], e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code bytes} cut into {@code count} pieces of about the same size. */
  public static byte[][] pieces(byte[] bytes, int count) {
    byte[][] pieces = new byte[count][];
    int size = (bytes.length + count - 1) / count;
    for (int i = 0; i < count; i++) {
      pieces[i] = Arrays.copyOfRange(bytes, Math.min(bytes.length, i * size), Math.min(bytes.length, (i + 1) * size));
    }
    return pieces;
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  /**
   * Exactly these bytes. Each connection comes from its own loopback address (127.x.y.z, all of
   * which are the loopback interface's on Linux): the server throttles failed logins per client
   * address, and a hostile suite fails many on purpose, which would throttle the other specs' logins.
   */
  public Reply sendRaw(byte[] request) {
    return sendRaw(request, true);
  }

  private Reply sendRaw(byte[] request, boolean shutSendingSide) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String source = "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(2, 255);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      @Nullable String sendFailure = null;
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        if (shutSendingSide) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // the server may answer and close before reading a body it refuses; its answer is still there to read
        sendFailure = "sending: " + e;
      }
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      @Nullable String readFailure = readAll(socket.getInputStream(), received);
      return parse(received.toByteArray(), sendFailure != null ? sendFailure : readFailure);
    } catch (IOException e) {
      return new Reply(0, Map.of(), new byte[0], e.toString());
    }
  }

  private static @Nullable String readAll(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[16384];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
      return null;
    } catch (IOException e) {
      return "reading: " + e;
    }
  }

  static Reply parse(byte[] raw, @Nullable String failure) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0 || text.length() < 12) {
      return new Reply(0, Map.of(), raw, failure == null ? "no status line" : failure);
    }
    int status = Integer.parseInt(text.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    int headersStart = text.indexOf("\r\n") + 2;
    // an interim reply (100 Continue) has no headers: its status line ends at the empty line
    String headerLines = headersStart <= end ? text.substring(headersStart, end) : "";
    for (String line : headerLines.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Reply(status, headers, body, null);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOfCrlf(chunked, at);
      if (lineEnd < 0) {
        break;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int length;
      try {
        length = Integer.parseInt(size, 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (length == 0 || lineEnd + 2 + length > chunked.length) {
        break;
      }
      out.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
