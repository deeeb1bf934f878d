package io.nfttraders.support.hostile;

import io.nfttraders.support.hostile.HostileValues.Hostile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hostile JSON documents made from a realistic one and its schema: broken as a whole (syntax,
 * encoding, depth, size, duplicate and unknown keys), and each property of the schema, at any depth,
 * given the values {@link HostileValues} chooses for it or, when required, left out.
 */
final class JsonDocuments {

  record Document(String name, byte[] bytes) {}

  private static final String PLACEHOLDER = "__hostile_placeholder__";
  private static final byte[] QUOTED_PLACEHOLDER = ("\"" + PLACEHOLDER + "\"").getBytes(StandardCharsets.UTF_8);

  private JsonDocuments() {}

  /**
   * Documents broken as a whole. {@code spoiled} (refused for a property's value) is the start of
   * those a lenient parser could read as a valid document: a byte order mark, UTF-16, an unknown
   * or duplicate key, a size within reason.
   */
  static List<Document> broken(Map<String, Object> schema, Object valid, Object spoiled) {
    byte[] v = Schemas.JSON.writeValueAsBytes(valid);
    byte[] s = Schemas.JSON.writeValueAsBytes(spoiled);
    List<Document> documents = new ArrayList<>(List.of(doc("empty", ""), doc("null", "null"), doc("an array", "[]"), doc("a string", "\"x\""),
        doc("a number", "1"), doc("true", "true"), new Document("truncated", java.util.Arrays.copyOf(v, v.length / 2)),
        new Document("trailing garbage", concat(v, "garbage")), new Document("two documents", concat(v, " " + new String(v, StandardCharsets.UTF_8))),
        new Document("trailing NUL byte", HostileRequest.concat(v, new byte[] {0})),
        new Document("leading 0xFF byte", HostileRequest.concat(new byte[] {(byte) 0xff}, v)),
        new Document("a comment", HostileRequest.concat(HostileRequest.utf8("/* c */"), v)),
        doc("single quotes", new String(v, StandardCharsets.UTF_8).replace('"', '\'')),
        new Document("byte order mark", HostileRequest.concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, s)),
        new Document("UTF-16", new String(s, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16)),
        doc("5000 nested arrays", "[".repeat(5000) + "]".repeat(5000)), doc("5000 nested objects", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)),
        doc("60000 unclosed arrays", "[".repeat(60_000)), doc("70 KB", "{\"zzz\":\"" + "a".repeat(70_000) + "\"}")));
    if (valid instanceof Map<?, ?> && spoiled instanceof Map<?, ?>) {
      String first = Baseline.firstScalarProperty(schema);
      documents.add(new Document("unquoted NaN", replace(valid, List.of(first), HostileRequest.utf8("NaN"))));
      documents.add(new Document("duplicate key", withMember(s, "\"" + first + "\":{}")));
      documents.add(new Document("5000 nested arrays in an unknown field", withMember(s, "\"zzz\":" + "[".repeat(5000) + "]".repeat(5000))));
      documents.add(new Document("70 KB of whitespace", withMember(s, " ".repeat(70_000) + "\"zzz\":1")));
      documents.add(new Document("unknown field 1e400", withMember(s, "\"zzz\":1e400")));
      documents.add(new Document("a lone surrogate as a key", withMember(s, "\"\\ud800\":1")));
      documents.add(new Document("NUL in a key", withMember(s, "\"a\\u0000\":1")));
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 3000; i++) {
        many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
      }
      documents.add(new Document("3000 unknown fields", withMember(s, many.toString())));
      if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
        // the schema refuses unknown fields outright, so a realistic document with one is invalid already
        documents.add(new Document("an unknown field", withMember(v, "\"zzz\":\"x\"")));
      }
    }
    return documents;
  }

  /** Each property of the schema, at any depth, given each hostile value; each required one left out. */
  static List<Document> properties(Map<String, Object> schema, Object valid) {
    List<Document> documents = new ArrayList<>();
    walk(schema, valid, valid, new ArrayList<>(), documents);
    return documents;
  }

  private static void walk(Map<String, Object> schema, Object root, @Nullable Object here, List<Object> path, List<Document> out) {
    if (here instanceof List<?> list && !list.isEmpty() && schema.get("items") instanceof Map<?, ?>) {
      Map<String, Object> items = Schemas.asMap(schema.get("items"));
      walk(items, root, list.getFirst(), append(path, 0), out);
      return;
    }
    if (!(here instanceof Map<?, ?> object)) {
      return;
    }
    List<String> required = Schemas.required(schema);
    Schemas.properties(schema).forEach((name, raw) -> {
      Map<String, Object> property = Schemas.asMap(raw);
      List<Object> at = append(path, name);
      Object value = object.get(name);
      for (Hostile hostile : HostileValues.json(property, value, required.contains(name))) {
        out.add(new Document(label(at) + " = " + hostile.name(), replace(root, at, hostile.bytes())));
      }
      if (required.contains(name)) {
        out.add(new Document(label(at) + " missing", replace(root, at, null)));
      }
      walk(property, root, value, at, out);
    });
  }

  /** The document with the value at {@code path} replaced by these bytes of JSON text (removed if null). */
  @SuppressWarnings("unchecked")
  static byte[] replace(Object root, List<Object> path, byte @Nullable [] json) {
    Object copy = Schemas.JSON.readValue(Schemas.JSON.writeValueAsBytes(root), Object.class);
    Object parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      parent = path.get(i) instanceof Integer index ? ((List<Object>) parent).get(index) : ((Map<String, Object>) parent).get(path.get(i));
    }
    Object last = path.getLast();
    if (json == null) {
      ((Map<String, Object>) parent).remove(last);
      return Schemas.JSON.writeValueAsBytes(copy);
    }
    if (last instanceof Integer index) {
      ((List<Object>) parent).set(index, PLACEHOLDER);
    } else {
      ((Map<String, Object>) parent).put((String) last, PLACEHOLDER);
    }
    byte[] text = Schemas.JSON.writeValueAsBytes(copy);
    int at = indexOf(text, QUOTED_PLACEHOLDER);
    return HostileRequest.concat(java.util.Arrays.copyOf(text, at), json,
        java.util.Arrays.copyOfRange(text, at + QUOTED_PLACEHOLDER.length, text.length));
  }

  /** An object's JSON text with one more member (or several, comma-separated) at its end. */
  static byte[] withMember(byte[] object, String member) {
    String text = new String(object, StandardCharsets.UTF_8).stripTrailing();
    String body = text.substring(0, text.length() - 1);
    return HostileRequest.utf8(body + (body.strip().equals("{") ? "" : ",") + member + "}");
  }

  static String label(List<Object> path) {
    StringBuilder label = new StringBuilder();
    for (Object part : path) {
      label.append(part instanceof Integer index ? "[" + index + "]" : (label.isEmpty() ? "" : ".") + part);
    }
    return label.toString();
  }

  private static List<Object> append(List<Object> path, Object part) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(part);
    return longer;
  }

  private static Document doc(String name, String text) {
    return new Document(name, HostileRequest.utf8(text));
  }

  private static byte[] concat(byte[] bytes, String text) {
    return HostileRequest.concat(bytes, HostileRequest.utf8(text));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("placeholder not found");
  }
}
