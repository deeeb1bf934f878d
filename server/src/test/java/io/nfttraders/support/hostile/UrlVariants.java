package io.nfttraders.support.hostile;

import io.nfttraders.support.hostile.HostileValues.Hostile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Variants of what the URL and the documented headers carry: each path, query and header parameter in turn, and query strings that do not decode. */
final class UrlVariants {

  private UrlVariants() {}

  /** Each path parameter replaced, the rest of the (realistic) request left as it is. */
  static List<HostileRequest> path(ApiOperation operation, Baseline valid) {
    List<HostileRequest> requests = new ArrayList<>();
    for (ApiOperation.Parameter p : operation.parameters("path")) {
      List<Hostile> values = new ArrayList<>(HostileValues.url(p.schema(), valid.path().get(p.name())));
      values.addAll(HostileValues.pathOnly());
      for (Hostile value : values) {
        Baseline changed = valid.withPath(p.name(), latin1(value.bytes()));
        requests.add(Requests.of(operation, "path " + p.name() + " = " + value.name(), changed));
      }
    }
    return requests;
  }

  /** Each documented query parameter replaced, added or repeated; then query strings no parameter of which decodes. */
  static List<HostileRequest> query(ApiOperation operation, Baseline base, boolean spoilable) {
    List<HostileRequest> requests = new ArrayList<>();
    for (ApiOperation.Parameter p : operation.parameters("query")) {
      String valid = base.query().get(p.name());
      for (Hostile value : HostileValues.url(p.schema(), valid)) {
        requests.add(Requests.of(operation, "query " + p.name() + " = " + value.name(), base.withQuery(with(base.query(), p.name(), latin1(value.bytes())))));
      }
      if (p.required()) {
        Map<String, String> without = new LinkedHashMap<>(base.query());
        without.remove(p.name());
        requests.add(Requests.of(operation, "query " + p.name() + " missing", base.withQuery(without)));
      }
      Map<String, String> repeated = new LinkedHashMap<>(base.query());
      repeated.put(p.name(), (valid == null ? "1" : valid) + "&" + p.name() + "=" + HostileValues.TWO_256);
      requests.add(Requests.of(operation, "query " + p.name() + " repeated, second 2^256", base.withQuery(repeated)));
    }
    Map<String, String> undecodable = Map.of("x=%zz", "%zz", "x=% (stray)", "%", "x=%ff (not UTF-8)", "%ff", "x=%ED%A0%80 (a surrogate's bytes)", "%ED%A0%80");
    undecodable.forEach((name, value) -> requests.add(Requests.of(operation, "query " + name, base.withQuery(with(base.query(), "x", value)))));
    if (spoilable) {
      // well-formed, of a parameter nobody reads: a command without inputs would fairly run
      requests.add(Requests.of(operation, "query x=%00", base.withQuery(with(base.query(), "x", "%00"))));
    }
    requests.add(Requests.of(operation, "query name %zz", base.withQuery(with(base.query(), "%zz", "1"))));
    return requests;
  }

  /** Each documented header parameter (Idempotency-Key, Range) given a value its schema refuses. */
  static List<HostileRequest> headers(ApiOperation operation, Baseline valid) {
    List<HostileRequest> requests = new ArrayList<>();
    for (ApiOperation.Parameter p : operation.parameters("header")) {
      int maxLength = p.schema().get("maxLength") instanceof Integer max ? max : 200;
      Map<String, String> values = new LinkedHashMap<>();
      values.put((maxLength + 1) + " characters", "k".repeat(maxLength + 1));
      values.put("5000 characters", "k".repeat(5000));
      values.put("raw control byte", "a\u0001b");
      values.put("raw NUL", "a\u0000b");
      if (p.name().equalsIgnoreCase("Range")) {
        values.putAll(Map.of("bytes=abc", "bytes=abc", "bytes=5-2", "bytes=5-2", "past the end", "bytes=999999999999-", "bytes=-0", "bytes=-0",
            "2^256", "bytes=" + HostileValues.TWO_256 + "-", "items=0-1", "items=0-1", "200 ranges", "bytes=" + "0-0,".repeat(199) + "0-0"));
      }
      values.forEach((name, value) -> requests.add(Requests.of(operation, "header " + p.name() + " = " + name, valid, p.name() + ": " + value)));
    }
    return requests;
  }

  private static Map<String, String> with(Map<String, String> query, String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(query);
    changed.put(name, value);
    return changed;
  }

  /** Bytes as the characters of a request line, one for one. */
  static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
