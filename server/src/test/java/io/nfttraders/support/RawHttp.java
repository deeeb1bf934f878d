package io.nfttraders.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange written byte for byte on its own connection, in pieces sent some time
 * apart if asked: what a slow or broken client sends, which Java's HTTP client never would.
 */
public final class RawHttp {

  /** The answer: its status, its headers (lower-case names) and its body, and how long it took. */
  public record Answer(int status, String head, String body, Duration took) {
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }
  }

  private RawHttp() {}

  public static byte[] head(String requestLine, int port, String... headers) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends the pieces {@code gap} apart (as long as the server reads), then reads the answer until the server closes. */
  public static Answer exchange(int port, Duration gap, byte[]... pieces) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          sleep(gap);
        }
        try {
          out.write(pieces[i]);
          out.flush();
        } catch (IOException closedByTheServer) {
          break;
        }
      }
      return read(socket.getInputStream(), start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static Answer read(InputStream in, long start) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
    } catch (IOException resetAfterTheAnswer) {
      // the server may reset a connection it closes with unread bytes in it; what arrived before counts
    }
    String text = received.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    int status = head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
    return new Answer(status, head, body, Duration.ofNanos(System.nanoTime() - start));
  }

  private static void sleep(Duration gap) {
    try {
      Thread.sleep(gap);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
