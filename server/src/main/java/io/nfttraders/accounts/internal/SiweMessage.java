package io.nfttraders.accounts.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.InvalidAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Sign-In with Ethereum message (EIP-4361), parsed strictly: every line in the order the
 * standard's grammar gives, nothing left over. The signature covers the exact text, so only what
 * is read here may be trusted of it.
 *
 * @param domain who asks for the sign-in (the authority, e.g. {@code localhost:8080})
 * @param address the signer as written (EIP-55)
 */
record SiweMessage(@Nullable String scheme, String domain, String address, @Nullable String statement, URI uri, String version, long chainId,
    String nonce, Instant issuedAt, @Nullable Instant expirationTime, @Nullable Instant notBefore, @Nullable String requestId,
    List<URI> resources) {

  private static final String HEADER = " wants you to sign in with your Ethereum account:";
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
  private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=:@\\[\\]-]+");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final int MAX_LENGTH = 8_192;

  /** @throws AuthProblems.InvalidSiweMessage saying which line is wrong */
  static SiweMessage parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw invalid("the message is longer than " + MAX_LENGTH + " characters");
    }
    Lines lines = new Lines(text.split("\n", -1));
    String header = lines.next("the header");
    if (!header.endsWith(HEADER)) {
      throw invalid("the first line must end with \"" + HEADER.strip() + "\"");
    }
    String origin = header.substring(0, header.length() - HEADER.length());
    String scheme = null;
    int separator = origin.indexOf("://");
    if (separator >= 0) {
      scheme = origin.substring(0, separator);
      origin = origin.substring(separator + 3);
      if (!SCHEME.matcher(scheme).matches()) {
        throw invalid("the scheme is not valid");
      }
    }
    if (!AUTHORITY.matcher(origin).matches()) {
      throw invalid("the domain is not a valid authority");
    }
    String address = lines.next("the address");
    if (!isChecksummed(address)) {
      throw invalid("the address must be 0x and 40 hex digits with its EIP-55 checksum");
    }
    lines.expectEmpty();
    String statement = null;
    if (!lines.peek().isEmpty()) {
      statement = lines.next("the statement");
      if (statement.startsWith("URI: ")) {
        throw invalid("an empty line must separate the address from the fields");
      }
    }
    lines.expectEmpty();
    URI uri = uri(lines.field("URI"));
    String version = lines.field("Version");
    if (!version.equals("1")) {
      throw invalid("Version must be 1");
    }
    long chainId;
    try {
      chainId = Long.parseLong(lines.field("Chain ID"));
    } catch (NumberFormatException e) {
      throw invalid("Chain ID must be a number");
    }
    String nonce = lines.field("Nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw invalid("Nonce must be at least 8 letters or digits");
    }
    Instant issuedAt = time("Issued At", lines.field("Issued At"));
    Instant expirationTime = lines.hasField("Expiration Time") ? time("Expiration Time", lines.field("Expiration Time")) : null;
    Instant notBefore = lines.hasField("Not Before") ? time("Not Before", lines.field("Not Before")) : null;
    String requestId = lines.hasField("Request ID") ? lines.field("Request ID") : null;
    List<URI> resources = new ArrayList<>();
    if (lines.hasMore() && lines.peek().equals("Resources:")) {
      lines.next("Resources");
      while (lines.hasMore() && lines.peek().startsWith("- ")) {
        resources.add(uri(lines.next("a resource").substring(2)));
      }
    }
    if (lines.hasMore()) {
      throw invalid("unexpected text after the last field: \"" + abbreviate(lines.peek()) + "\"");
    }
    return new SiweMessage(scheme, origin, address, statement, uri, version, chainId, nonce, issuedAt, expirationTime, notBefore, requestId,
        List.copyOf(resources));
  }

  private static URI uri(String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null) {
        throw invalid("URI must be absolute");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid("not a URI: " + abbreviate(value));
    }
  }

  private static Instant time(String field, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(field + " must be an RFC 3339 date-time");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  /** EIP-4361 wants the address exactly in its EIP-55 form, not merely an address. */
  private static boolean isChecksummed(String text) {
    try {
      return Address.of(text).checksummed().equals(text);
    } catch (InvalidAddress e) {
      return false;
    }
  }

  private static AuthProblems.InvalidSiweMessage invalid(String why) {
    return new AuthProblems.InvalidSiweMessage(why);
  }

  /** The message's lines, read front to back. */
  private static final class Lines {
    private final String[] lines;
    private int at;

    Lines(String[] lines) {
      this.lines = lines;
    }

    boolean hasMore() {
      return at < lines.length;
    }

    String peek() {
      if (!hasMore()) {
        throw invalid("the message ends too early");
      }
      return lines[at];
    }

    String next(String what) {
      if (!hasMore()) {
        throw invalid("the message ends before " + what);
      }
      return lines[at++];
    }

    void expectEmpty() {
      if (!next("an empty line").isEmpty()) {
        throw invalid("an empty line is missing after line " + at);
      }
    }

    boolean hasField(String name) {
      return hasMore() && lines[at].startsWith(name + ": ");
    }

    String field(String name) {
      String line = next(name);
      if (!line.startsWith(name + ": ")) {
        throw invalid("line " + at + " must be \"" + name + ": ...\"");
      }
      return line.substring(name.length() + 2);
    }
  }
}
