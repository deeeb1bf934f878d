package io.nfttraders.support.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * One operation of the OpenAPI document: its method, path template, parameters and request body,
 * with every reference followed.
 *
 * @param bodyType the request body's media type (application/json or multipart/form-data), null for none
 * @param documentedStatuses the statuses its responses name
 */
public record ApiOperation(String id, String method, String path, List<Parameter> parameters, @Nullable String bodyType,
    Map<String, Object> bodySchema, boolean secured, Set<Integer> documentedStatuses) {

  /** @param in path, query or header; a path template's {@code {*path}} is the parameter {@code *path} */
  public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {}

  private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete");

  /** Every operation the document at {@code file} describes, in its order. */
  public static List<ApiOperation> read(Path file) {
    Map<String, Object> document;
    try {
      document = new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean securedByDefault = document.get("security") instanceof List<?> security && !security.isEmpty();
    List<ApiOperation> operations = new ArrayList<>();
    Schemas.asMap(document.get("paths")).forEach((path, item) -> Schemas.asMap(item).forEach((method, raw) -> {
      if (!METHODS.contains(method)) {
        return;
      }
      Map<String, Object> operation = Schemas.asMap(Schemas.resolve(raw, document));
      List<Parameter> parameters = new ArrayList<>();
      if (operation.get("parameters") instanceof List<?> list) {
        list.forEach(p -> {
          Map<String, Object> parameter = Schemas.asMap(p);
          parameters.add(new Parameter(parameter.get("name").toString(), parameter.get("in").toString(),
              Boolean.TRUE.equals(parameter.get("required")), Schemas.asMap(parameter.getOrDefault("schema", Map.of()))));
        });
      }
      Map<String, Object> content = Schemas.asMap(Schemas.asMap(operation.get("requestBody")).get("content"));
      String bodyType = content.isEmpty() ? null : content.keySet().iterator().next();
      Map<String, Object> bodySchema = bodyType == null ? Map.of() : Schemas.asMap(Schemas.asMap(content.get(bodyType)).get("schema"));
      boolean secured = operation.get("security") instanceof List<?> security ? !security.isEmpty() : securedByDefault;
      Set<Integer> statuses = new java.util.TreeSet<>();
      Schemas.asMap(operation.get("responses")).keySet().forEach(status -> statuses.add(Integer.parseInt(status)));
      operations.add(new ApiOperation(operation.get("operationId").toString(), method.toUpperCase(Locale.ROOT), path, parameters,
          bodyType, bodySchema, secured, statuses));
    }));
    return operations;
  }

  /**
   * Routes the document does not describe, that a client reaches all the same: the web app, one
   * of its files, and the health probes (a probe a client could make fail would take the server out
   * of its load balancer).
   */
  public static List<ApiOperation> undocumented() {
    return List.of(get("webApp", "/"), get("webAppFile", "/app/main.js"), get("health", "/actuator/health"),
        get("readiness", "/actuator/health/readiness"));
  }

  private static ApiOperation get(String id, String path) {
    return new ApiOperation(id, "GET", path, List.of(), null, Map.of(), false, Set.of(200));
  }

  /** Whether a request may change what is stored (every method but GET and HEAD). */
  public boolean unsafe() {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  public List<Parameter> parameters(String in) {
    return parameters.stream().filter(p -> p.in().equals(in)).toList();
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
