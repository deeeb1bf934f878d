package io.nfttraders.support.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One hostile request of an operation: its variant's name, and the bytes to send.
 *
 * @param target the request target exactly as it goes on the request line (ISO-8859-1, so raw bytes pass)
 * @param headers header lines ("Name: value"), without Host, Connection and the framing unless {@code framed}
 * @param framed whether the headers and body already say how long the body is (else Content-Length is added)
 * @param signedIn whether the caller's bearer token is added (a variant with its own Authorization has none)
 */
public record HostileRequest(ApiOperation operation, String variant, String method, String target, List<String> headers, byte[] body,
    boolean framed, boolean signedIn) {

  /** A request built from parts; the caller's token is added by {@link #as}. */
  static HostileRequest of(ApiOperation operation, String variant, String method, String target, List<String> headers, byte[] body) {
    return new HostileRequest(operation, variant, method, target, List.copyOf(headers), body, false, false);
  }

  static HostileRequest framed(ApiOperation operation, String variant, String method, String target, List<String> headers, byte[] body) {
    return new HostileRequest(operation, variant, method, target, List.copyOf(headers), body, true, false);
  }

  /** Whether the server may close the connection without an answer (the request never arrived whole). */
  public boolean mayGoUnanswered() {
    return framed && TransportVariants.INCOMPLETE.contains(variant);
  }

  boolean hasOwnAuthorization() {
    return headers.stream().anyMatch(h -> h.regionMatches(true, 0, "Authorization:", 0, 14));
  }

  HostileRequest as(boolean signedInCaller) {
    return new HostileRequest(operation, variant, method, target, headers, body, framed, signedInCaller);
  }

  /** The request's head (request line and headers, each ending in CRLF) and body, with this bearer token if signed in. */
  public String head(@Nullable String token) {
    List<String> lines = new ArrayList<>(headers);
    if (signedIn && token != null) {
      lines.addFirst("Authorization: Bearer " + token);
    }
    if (!framed && (body.length > 0 || !method.equals("GET") && !method.equals("HEAD"))) {
      lines.add("Content-Length: " + body.length);
    }
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    lines.forEach(line -> head.append(line).append("\r\n"));
    return head.toString();
  }

  /**
   * Marks a value that must be new in every request it is sent in (an email to sign up with, or
   * to fail a login with without the throttle on that email answering in place of the password check).
   */
  public static final String UNIQUE = "{unique}";
  private static final byte[] UNIQUE_BYTES = UNIQUE.getBytes(StandardCharsets.US_ASCII);

  /** The body as it is sent: each {@link #UNIQUE} replaced by as many random letters and digits, so lengths stay as framed. */
  public byte[] bodyToSend() {
    byte[] sent = body.clone();
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i + UNIQUE_BYTES.length <= sent.length; i++) {
      if (java.util.Arrays.equals(sent, i, i + UNIQUE_BYTES.length, UNIQUE_BYTES, 0, UNIQUE_BYTES.length)) {
        for (int j = 0; j < UNIQUE_BYTES.length; j++) {
          sent[i + j] = (byte) "abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36));
        }
      }
    }
    return sent;
  }

  /** Who sent it and what, for a report: method, target (abbreviated), variant. */
  public String describe() {
    String shown = target.length() > 160 ? target.substring(0, 150) + "...(" + target.length() + " chars)" : target;
    return method + " " + printable(shown) + " [" + operation.id() + ": " + variant + (signedIn ? ", signed in" : ", anonymous") + "]";
  }

  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? "\\x%02x".formatted(c) : String.valueOf((char) c)));
    return out.toString();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
