package io.nfttraders.metadata.internal;

import io.nfttraders.metadata.ForeignMetadata.Attribute;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token's metadata document (the ERC-721 / ERC-1155 metadata JSON schema and OpenSea's
 * attributes) read from untrusted bytes: nesting, string and number sizes are bounded while
 * parsing, so a deep or huge document fails early instead of exhausting the stack or the heap. Text
 * is kept as text (control characters dropped, lengths capped); nothing in it is ever markup.
 */
record MetadataDocument(@Nullable String name, @Nullable String description, @Nullable String image, List<Attribute> attributes) {

  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 5_000;
  static final int MAX_ATTRIBUTES = 100;
  private static final JsonMapper BOUNDED = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(1_000_000).maxNumberLength(100).build())
          .build())
      .build();

  MetadataDocument {
    attributes = List.copyOf(attributes);
  }

  static MetadataDocument parse(byte[] json) throws FetchFailure {
    JsonNode root;
    try {
      root = BOUNDED.readTree(utf8(json));
    } catch (JacksonException e) {
      throw FetchFailure.broken("the metadata is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw FetchFailure.broken("the metadata is not a JSON object");
    }
    String image = text(root.get("image"), 4096);
    if (image == null) {
      image = text(root.get("image_url"), 4096);
    }
    return new MetadataDocument(text(root.get("name"), MAX_NAME), text(root.get("description"), MAX_DESCRIPTION), image, attributes(root.get("attributes")));
  }

  private static String utf8(byte[] bytes) throws FetchFailure {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw FetchFailure.broken("the metadata is not UTF-8 text");
    }
  }

  private static List<Attribute> attributes(@Nullable JsonNode node) {
    List<Attribute> attributes = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return attributes;
    }
    for (JsonNode entry : node) {
      if (attributes.size() == MAX_ATTRIBUTES) {
        break;
      }
      String type = entry.isObject() ? text(entry.get("trait_type"), MAX_NAME) : null;
      String value = entry.isObject() ? text(entry.get("value"), MAX_NAME) : null;
      if (type != null && value != null) {
        attributes.add(new Attribute(type, value));
      }
    }
    return attributes;
  }

  /** A string, number or boolean as printable text of at most {@code max} characters; null otherwise. */
  private static @Nullable String text(@Nullable JsonNode node, int max) {
    if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
      return null;
    }
    String result = printable(node.isString() ? node.asString() : node.toString(), max, true).strip();
    return result.isEmpty() ? null : result;
  }

  /**
   * At most {@code max} characters of {@code text} without control characters (NUL among them;
   * newlines kept if asked) or lone surrogates, which no database text takes.
   */
  static String printable(String text, int max, boolean newlines) {
    StringBuilder kept = new StringBuilder();
    text.codePoints().filter(c -> (!Character.isISOControl(c) || newlines && c == '\n') && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
        .limit(max).forEach(kept::appendCodePoint);
    return kept.toString();
  }
}
