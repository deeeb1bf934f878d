package io.nfttraders.support.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Reading the OpenAPI document's schemas: references followed, types named. */
final class Schemas {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private Schemas() {}

  /** A copy of {@code node} with every {@code $ref} (to {@code #/components/...}) replaced by what it names. */
  static Object resolve(Object node, Map<String, Object> document) {
    return resolve(node, document, 0);
  }

  private static Object resolve(Object node, Map<String, Object> document, int depth) {
    if (depth > 32) {
      throw new IllegalStateException("the OpenAPI document's references nest too deep (a cycle?)");
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (map.get("$ref") instanceof String ref) {
        Object target = document;
        for (String part : ref.substring(2).split("/")) {
          target = ((Map<?, ?>) target).get(part);
        }
        if (target == null) {
          throw new IllegalStateException("the OpenAPI document refers to nothing at " + ref);
        }
        out.putAll(asMap(resolve(target, document, depth + 1)));
      }
      map.forEach((key, value) -> {
        if (!"$ref".equals(key)) {
          out.put(key.toString(), resolve(value, document, depth + 1));
        }
      });
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(resolve(item, document, depth + 1)));
      return out;
    }
    return node;
  }

  /** The JSON types a schema allows ({@code type: string} or {@code type: [string, number]}); empty if it does not say. */
  static Set<String> types(Map<String, Object> schema) {
    Object type = schema.get("type");
    Set<String> types = new LinkedHashSet<>();
    if (type instanceof String one) {
      types.add(one);
    } else if (type instanceof List<?> many) {
      many.forEach(t -> types.add(t.toString()));
    }
    return types;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object node) {
    return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
  }

  static Map<String, Object> properties(Map<String, Object> schema) {
    return asMap(schema.getOrDefault("properties", Map.of()));
  }

  static List<String> required(Map<String, Object> schema) {
    return schema.get("required") instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
  }
}
