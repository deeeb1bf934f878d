package io.nfttraders.support.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A realistic request for one operation, that the variants spoil one input at a time: real ids in
 * the path, a body that the server would take. Only its variants are ever sent.
 *
 * @param path values of the path parameters, as they go into the URL
 * @param query parameters in order, as they go into the URL
 * @param json the JSON body (maps, lists, strings, numbers, booleans), or null
 * @param parts the multipart body's parts, or empty
 */
public record Baseline(Map<String, String> path, Map<String, String> query, @Nullable Object json, List<Part> parts) {

  public record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] bytes) {
    public static Part json(String name, String json) {
      return new Part(name, name + ".json", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  static final String BOUNDARY = "hostile-boundary-7MA4YWxkTrZu0gW";

  public static Baseline none() {
    return new Baseline(Map.of(), Map.of(), null, List.of());
  }

  public Baseline withPath(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(path);
    changed.put(name, value);
    return new Baseline(changed, query, json, parts);
  }

  public Baseline withQuery(Map<String, String> changed) {
    return new Baseline(path, changed, json, parts);
  }

  public Baseline withJson(@Nullable Object changed) {
    return new Baseline(path, query, changed, parts);
  }

  public Baseline withParts(List<Part> changed) {
    return new Baseline(path, query, json, changed);
  }

  /** The URL: the template with the path values in, then the query. */
  String target(ApiOperation operation) {
    return target(operation, path, query);
  }

  static String target(ApiOperation operation, Map<String, String> pathValues, Map<String, String> queryValues) {
    String target = operation.path();
    for (ApiOperation.Parameter p : operation.parameters("path")) {
      target = target.replace("{" + p.name() + "}", pathValues.getOrDefault(p.name(), "x"));
    }
    StringBuilder query = new StringBuilder();
    queryValues.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
    return target + query;
  }

  byte[] jsonBytes() {
    return json == null ? new byte[0] : Schemas.JSON.writeValueAsBytes(json);
  }

  byte[] multipartBytes() {
    return multipart(parts);
  }

  static byte[] multipart(List<Part> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
          + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\n"
          + (p.contentType() == null ? "" : "Content-Type: " + p.contentType() + "\r\n") + "\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /**
   * The same request made one the server must refuse, for the variants that do not themselves
   * spoil an input (media types, headers, framing): path ids replaced by well-formed ones that name
   * nothing, the body's first property given an array where it takes none, a required part left
   * out. Sent with a realistic request instead, such a variant could carry out the command.
   */
  Baseline spoiled(ApiOperation operation) {
    Map<String, String> unknownPath = new LinkedHashMap<>(path);
    for (ApiOperation.Parameter p : operation.parameters("path")) {
      if ("uuid".equals(p.schema().get("format"))) {
        unknownPath.put(p.name(), UUID.randomUUID().toString());
      } else if (String.valueOf(p.schema().get("pattern")).contains("{64}")) {
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        unknownPath.put(p.name(), "0x" + HexFormat.of().formatHex(random));
      }
    }
    Object spoiledJson = json;
    if (json instanceof Map<?, ?> map && !operation.bodySchema().isEmpty()) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k.toString(), v));
      copy.put(firstScalarProperty(operation.bodySchema()), List.of());
      spoiledJson = copy;
    }
    List<Part> spoiledParts = new ArrayList<>(parts);
    List<String> required = Schemas.required(operation.bodySchema());
    if (!required.isEmpty()) {
      spoiledParts.removeIf(p -> p.name().equals(required.getLast()));
    }
    return new Baseline(unknownPath, query, spoiledJson, spoiledParts);
  }

  /** The first required property that takes no array (else the first such property): given an array, it is refused. */
  static String firstScalarProperty(Map<String, Object> schema) {
    Map<String, Object> properties = Schemas.properties(schema);
    List<String> candidates = new ArrayList<>(Schemas.required(schema));
    candidates.addAll(properties.keySet());
    return candidates.stream().filter(name -> !Schemas.types(Schemas.asMap(properties.get(name))).contains("array")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no scalar property to spoil in " + schema));
  }
}
