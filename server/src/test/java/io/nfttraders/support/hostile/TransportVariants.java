package io.nfttraders.support.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variants of how a request is carried rather than what it says, for every operation alike: media
 * types (wildcards, forms, multipart of every broken shape), Accept, bearer tokens, methods, and
 * framing a regular client cannot produce (a negative or mismatched Content-Length, broken chunks).
 * They are sent with a request that is refused anyway ({@link Baseline#spoiled}): a media type or a
 * header alone is not always invalid, and the command must not run because of it.
 */
final class TransportVariants {

  /**
   * Framings whose body ends (the client shuts its side) before it is whole. RFC 9112 (section 9.6)
   * lets a server close such a connection without an answer; if it answers, the answer is held to
   * the rules.
   */
  static final Set<String> INCOMPLETE = Set.of("Content-Length longer than the body", "no last chunk");

  private TransportVariants() {}

  /**
   * @param spoilable whether {@code base} is refused in itself; if not (a command without any
   *     input, such as cancelling all of one's orders), variants that a server may fairly take as
   *     a valid request are left out
   * @param tokens Authorization header values that must not authenticate, by name
   * @param otherMethods methods documented on this path, which have their own variants
   */
  static List<HostileRequest> all(ApiOperation operation, Baseline base, boolean spoilable, Map<String, String> tokens, Set<String> otherMethods) {
    List<HostileRequest> requests = new ArrayList<>(mediaTypes(operation, base, spoilable));
    requests.add(Requests.of(operation, "Accept: garbage", base, "Accept: garbage"));
    requests.add(Requests.of(operation, "Accept: application/json;q=bogus", base, "Accept: application/json;q=bogus"));
    requests.add(Requests.of(operation, "Accept: application/json;charset=bogus", base, "Accept: application/json;charset=bogus"));
    if (spoilable) {
      requests.add(Requests.of(operation, "Accept: text/html", base, "Accept: text/html"));
    }
    tokens.forEach((name, value) -> requests.add(Requests.of(operation, "Authorization: " + name, base, "Authorization: " + value)));
    requests.addAll(headerLines(operation, base, spoilable));
    if (!operation.unsafe()) {
      for (String range : List.of("bytes=abc", "bytes=5-2", "bytes=999999999-", "bytes=-0", "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,10-10")) {
        requests.add(Requests.of(operation, "Range: " + range, base, "Range: " + range));
      }
    }
    requests.addAll(methods(operation, base, otherMethods));
    requests.addAll(framing(operation, base, spoilable));
    return requests;
  }

  /**
   * Each media type with a body and without one: a request's Content-Type is read (and was once a
   * server error when it was a wildcard) whether or not a body follows.
   */
  static List<HostileRequest> mediaTypes(ApiOperation operation, Baseline base, boolean spoilable) {
    byte[] body = Requests.someBody(operation, base);
    List<HostileRequest> requests = new ArrayList<>();
    requests.add(Requests.withBody(operation, "no Content-Type with a body", base, null, body));
    List<String> invalid = List.of("*/*", "application/*", "text/*", "*", "*/*;q=1", "multipart/*", "text/plain; charset=bogus",
        "application/json; charset=bogus", "application/json; charset=\"", "garbage");
    for (String type : invalid) {
      requests.add(Requests.withBody(operation, "Content-Type: " + type, base, type, body));
      requests.add(Requests.withBody(operation, "Content-Type: " + type + " without a body", base, type, new byte[0]));
    }
    for (String type : List.of("text/plain", "application/octet-stream")) {
      requests.add(Requests.withBody(operation, "Content-Type: " + type, base, type, body));
      if (spoilable) {
        // a real media type on a request without a body: a command taking no body may fairly run
        requests.add(Requests.withBody(operation, "Content-Type: " + type + " without a body", base, type, new byte[0]));
      }
    }
    requests.add(Requests.withBody(operation, "a form with %zz", base, "application/x-www-form-urlencoded", HostileRequest.utf8("a=%zz&b=%&c=%ff")));
    byte[] multipart = Baseline.multipart(List.of(Baseline.Part.json("metadata", "{}"), new Baseline.Part("image", "a.png", "image/png", UploadVariants.png(8, 8))));
    requests.add(Requests.withBody(operation, "multipart/form-data without a boundary", base, "multipart/form-data", multipart));
    requests.add(Requests.withBody(operation, "multipart/form-data with an empty boundary", base, "multipart/form-data; boundary=", multipart));
    requests.add(Requests.withBody(operation, "multipart/form-data with a 71-character boundary", base, "multipart/form-data; boundary=" + "b".repeat(71),
        multipart));
    requests.add(Requests.withBody(operation, "multipart/mixed without a boundary", base, "multipart/mixed", multipart));
    requests.add(Requests.withBody(operation, "multipart truncated", base, Requests.MULTIPART, java.util.Arrays.copyOf(multipart, multipart.length / 2)));
    requests.add(Requests.withBody(operation, "multipart without its closing delimiter", base, Requests.MULTIPART,
        java.util.Arrays.copyOf(multipart, multipart.length - ("--" + Baseline.BOUNDARY + "--\r\n").length())));
    byte[] nulName = new String(multipart, StandardCharsets.ISO_8859_1).replace("filename=\"a.png\"", "filename=\"a\u0000b.png\"")
        .getBytes(StandardCharsets.ISO_8859_1);
    requests.add(Requests.withBody(operation, "multipart with a NUL in a part's filename", base, Requests.MULTIPART, nulName));
    return requests;
  }

  /**
   * Header lines and URLs the container refuses, or may take: those RFC 9112 lets a server read
   * (a folded line, a bare LF, 8-bit bytes, an absolute URL) and those only a limit refuses (sizes,
   * counts) go only with a request that is refused anyway.
   */
  private static List<HostileRequest> headerLines(ApiOperation operation, Baseline base, boolean spoilable) {
    Map<String, String[]> lines = new LinkedHashMap<>();
    lines.put("a header without a colon", new String[] {"NoColon"});
    lines.put("a space before the colon", new String[] {"X-A : a"});
    lines.put("a control byte in a header", new String[] {"X-A: a\u0001b"});
    lines.put("a NUL in a header", new String[] {"X-A: a\u0000b"});
    lines.put("a second Host", new String[] {"Host: elsewhere.example"});
    lines.put("Expect: foo", new String[] {"Expect: foo"});
    List<String> type = Requests.contentType(operation) == null ? List.of() : List.of("Content-Type: " + Requests.contentType(operation));
    List<HostileRequest> requests = new ArrayList<>();
    if (spoilable) {
      lines.put("a header of 9 KB", new String[] {"X-Big: " + "a".repeat(9 * 1024)});
      lines.put("a header of 70 KB", new String[] {"X-Big: " + "a".repeat(70 * 1024)});
      String[] many = new String[200];
      for (int i = 0; i < many.length; i++) {
        many[i] = "X-H" + i + ": v";
      }
      lines.put("200 headers", many);
      lines.put("8-bit bytes in a header", new String[] {"X-A: \u00e9\u00ff"});
      lines.put("a folded header", new String[] {"X-A: a", "  folded"});
      lines.put("a bare LF", new String[] {"X-A: a\nX-B: b"});
      lines.put("an Accept-Language of 9 KB", new String[] {"Accept-Language: " + "en;q=0.1,".repeat(1000) + "en"});
      requests.add(HostileRequest.of(operation, "a URL of 9000 characters", operation.method(), base.target(operation)
          + (base.query().isEmpty() ? "?" : "&") + "x=" + "a".repeat(9000), type, Requests.body(operation, base)));
      requests.add(HostileRequest.of(operation, "an absolute URL naming another host", operation.method(), "http://elsewhere.example"
          + base.target(operation), type, Requests.body(operation, base)));
    }
    lines.forEach((name, headers) -> requests.add(Requests.of(operation, name, base, headers)));
    return requests;
  }

  /** Methods the path does not document: the container's and the framework's answers to them. */
  private static List<HostileRequest> methods(ApiOperation operation, Baseline base, Set<String> otherMethods) {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("GET", new byte[0]);
    bodies.put("HEAD", new byte[0]);
    bodies.put("TRACE", new byte[0]);
    bodies.put("OPTIONS", new byte[0]);
    bodies.put("PUT", HostileRequest.utf8("a=%zz"));
    bodies.put("PATCH", HostileRequest.utf8("a=%zz"));
    bodies.put("DELETE", HostileRequest.utf8("a=%zz"));
    bodies.put("FOO", new byte[0]);
    bodies.put(operation.method().toLowerCase(java.util.Locale.ROOT), new byte[0]);
    List<HostileRequest> requests = new ArrayList<>();
    bodies.forEach((method, body) -> {
      if (method.equals(operation.method()) || otherMethods.contains(method)) {
        return;
      }
      List<String> headers = body.length == 0 ? List.of() : List.of("Content-Type: application/x-www-form-urlencoded");
      requests.add(HostileRequest.of(operation, "method " + method + (body.length == 0 ? "" : " with a form of %zz"), method,
          base.target(operation), headers, body));
    });
    return requests;
  }

  /** Lengths and chunks that do not add up; the body is the (refused) request's own. */
  private static List<HostileRequest> framing(ApiOperation operation, Baseline base, boolean spoilable) {
    byte[] body = Requests.someBody(operation, base);
    String type = Requests.contentType(operation) == null ? "application/json" : Requests.contentType(operation);
    Map<String, Object[]> frames = new LinkedHashMap<>();
    String n = Integer.toString(body.length);
    frames.put("Content-Length: -1", new Object[] {"Content-Length: -1", body});
    frames.put("Content-Length: abc", new Object[] {"Content-Length: abc", body});
    frames.put("Content-Length: 2^64", new Object[] {"Content-Length: 18446744073709551616", body});
    frames.put("Content-Length twice, different", new Object[] {"Content-Length: " + n + "\r\nContent-Length: 3", body});
    frames.put("Content-Length longer than the body", new Object[] {"Content-Length: " + (body.length + 10), body});
    String hex = Integer.toHexString(body.length);
    String chunked = "Transfer-Encoding: chunked";
    if (spoilable) {
      // framings a server may fairly read as a complete request (a cut-short body's rest as the next
      // request, a list of equal lengths, chunks that override a length): a command taking no body would run
      frames.put("Content-Length shorter than the body", new Object[] {"Content-Length: " + (body.length / 2), body});
      frames.put("Content-Length as a list", new Object[] {"Content-Length: " + n + ", " + n, body});
      frames.put("chunked and Content-Length", new Object[] {chunked + "\r\nContent-Length: 4", chunks(hex + "\r\n", body, "\r\n0\r\n\r\n")});
      frames.put("Transfer-Encoding: chunked, chunked", new Object[] {"Transfer-Encoding: chunked, chunked", chunks(hex + "\r\n", body, "\r\n0\r\n\r\n")});
    }
    frames.put("chunk size zz", new Object[] {chunked, chunks("zz\r\n", body, "\r\n0\r\n\r\n")});
    frames.put("chunk size -5", new Object[] {chunked, chunks("-5\r\n", body, "\r\n0\r\n\r\n")});
    frames.put("chunk size overflowing", new Object[] {chunked, chunks("fffffffffffffffffff\r\n", body, "\r\n0\r\n\r\n")});
    frames.put("chunk without its CRLF", new Object[] {chunked, chunks(hex + "\r\n", body, "XX0\r\n\r\n")});
    frames.put("no last chunk", new Object[] {chunked, chunks(hex + "\r\n", body, "\r\n")});
    frames.put("chunk longer than said", new Object[] {chunked, chunks("1\r\n", body, "\r\n0\r\n\r\n")});
    frames.put("malformed trailer", new Object[] {chunked, chunks(hex + "\r\n", body, "\r\n0\r\nbad trailer\r\n\r\n")});
    List<HostileRequest> requests = new ArrayList<>();
    frames.forEach((name, frame) -> requests.add(HostileRequest.framed(operation, name, operation.method(), base.target(operation),
        List.of("Content-Type: " + type, (String) frame[0]), (byte[]) frame[1])));
    return requests;
  }

  private static byte[] chunks(String before, byte[] body, String after) {
    return HostileRequest.concat(HostileRequest.utf8(before), body, HostileRequest.utf8(after));
  }
}
