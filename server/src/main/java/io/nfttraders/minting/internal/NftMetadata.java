package io.nfttraders.minting.internal;

import io.nfttraders.platform.UnicodeText;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERC-721 / OpenSea metadata a user may send, checked field by field. Everything else is
 * refused rather than passed on: metadata is hostile input that browsers will render. The image
 * field is ours to set (the stored image's CID).
 */
record NftMetadata(String name, String description, List<Map<String, Object>> attributes, String externalUrl, String backgroundColor) {

  private static final int MAX_INPUT_BYTES = 64 * 1024;
  private static final Set<String> FIELDS = Set.of("name", "description", "attributes", "external_url", "background_color");
  private static final Set<String> ATTRIBUTE_FIELDS = Set.of("trait_type", "value", "display_type", "max_value");
  private static final Set<String> DISPLAY_TYPES = Set.of("number", "boost_number", "boost_percentage", "date");
  private static final Pattern HEX_COLOR = Pattern.compile("[0-9a-fA-F]{6}");
  private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s<>\"']{1,2040}");
  /** Numbers every reader of the metadata (a browser's JavaScript above all) takes as the same value: integers within 2^53 - 1, fractions of 15 significant digits and decimals. */
  static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(9_007_199_254_740_991L);
  static final int MAX_NUMBER_DIGITS = 15;
  /** Numbers are read exactly (as decimals, never doubles), so 1e400 is a number too large, not infinity. */
  private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(20_000).maxNumberLength(100).build())
          .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  static NftMetadata parse(byte[] json) {
    List<String> errors = new ArrayList<>();
    if (json.length > MAX_INPUT_BYTES) {
      throw new MintProblems.InvalidMetadata(List.of("metadata must be at most " + MAX_INPUT_BYTES + " bytes"));
    }
    requireUtf8(json);
    JsonNode root;
    try {
      root = STRICT.readTree(json);
    } catch (JacksonException e) {
      throw new MintProblems.InvalidMetadata(List.of("metadata is not valid JSON: " + e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new MintProblems.InvalidMetadata(List.of("metadata must be a JSON object"));
    }
    root.propertyNames().forEach(f -> {
      if (!FIELDS.contains(f)) {
        errors.add("unknown field '" + f + "'" + (f.equals("image") ? " (the image comes from the uploaded file)" : ""));
      }
    });
    String name = text(root, "name", 1, 200, true, errors);
    String description = text(root, "description", 0, 10_000, false, errors);
    String externalUrl = text(root, "external_url", 0, 2048, false, errors);
    if (!externalUrl.isEmpty() && !HTTP_URL.matcher(externalUrl).matches()) {
      errors.add("external_url must be an http(s) URL");
    }
    String color = text(root, "background_color", 0, 6, false, errors);
    if (!color.isEmpty() && !HEX_COLOR.matcher(color).matches()) {
      errors.add("background_color must be six hex digits");
    }
    List<Map<String, Object>> attributes = attributes(root.get("attributes"), errors);
    if (!errors.isEmpty()) {
      throw new MintProblems.InvalidMetadata(errors);
    }
    return new NftMetadata(name, description, attributes, externalUrl, color);
  }

  /** A drop's metadata: a JSON array of metadata objects, each returned as its own document's bytes (checked by {@link #parse}). */
  static List<byte[]> parseArray(byte[] json) {
    if (json.length > MAX_INPUT_BYTES * 1_000L) {
      throw new MintProblems.InvalidMetadata(List.of("a drop's metadata must be at most " + MAX_INPUT_BYTES * 1_000L + " bytes"));
    }
    requireUtf8(json);
    JsonNode array;
    try {
      array = STRICT.readTree(json);
    } catch (JacksonException e) {
      throw new MintProblems.InvalidMetadata(List.of("metadata is not valid JSON: " + e.getOriginalMessage()));
    }
    if (array == null || !array.isArray()) {
      throw new MintProblems.InvalidMetadata(List.of("a drop's metadata must be a JSON array of metadata objects"));
    }
    List<byte[]> items = new ArrayList<>();
    array.forEach(node -> items.add(STRICT.writeValueAsBytes(node)));
    return items;
  }

  /** Metadata is UTF-8, strictly: Jackson would read some malformed sequences (C0 AF as "/") into what is minted for good. */
  private static void requireUtf8(byte[] json) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(json));
    } catch (CharacterCodingException e) {
      throw new MintProblems.InvalidMetadata(List.of("metadata is not UTF-8 text"));
    }
  }

  /** The document stored on IPFS, fields in a fixed order so equal input gives equal bytes (and CID). */
  byte[] toJson(String imageUri) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", name);
    if (!description.isEmpty()) {
      doc.put("description", description);
    }
    doc.put("image", imageUri);
    if (!externalUrl.isEmpty()) {
      doc.put("external_url", externalUrl);
    }
    if (!backgroundColor.isEmpty()) {
      doc.put("background_color", backgroundColor);
    }
    if (!attributes.isEmpty()) {
      doc.put("attributes", attributes);
    }
    return STRICT.writeValueAsBytes(doc);
  }

  private static String text(JsonNode root, String field, int min, int max, boolean required, List<String> errors) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(field + " is required");
      }
      return "";
    }
    if (!node.isString()) {
      errors.add(field + " must be a string");
      return "";
    }
    String value = node.asString();
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      errors.add(field + " must have " + min + " to " + max + " characters");
    }
    if (hasForbiddenCharacters(value, field.equals("description"))) {
      errors.add(field + " must be well-formed Unicode without control characters (newlines and tabs only in the description)"
          + " or bidirectional overrides");
    }
    return value;
  }

  /**
   * Text that is not well-formed Unicode ({@link UnicodeText}: control characters, lone surrogates),
   * and bidi overrides (they make a name display as something it is not); line breaks (LF or CRLF)
   * and tabs only in the description.
   */
  static boolean hasForbiddenCharacters(String value, boolean multiline) {
    // a description's line breaks may be CRLF, as browsers' forms and Windows send them
    String text = multiline ? value.replace('\r', '\n') : value;
    return UnicodeText.defect(text).isPresent() || !multiline && (value.indexOf('\n') >= 0 || value.indexOf('\t') >= 0)
        || value.codePoints().anyMatch(c -> (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
  }

  /** Why a number is out of what metadata may hold, or null if it is not. */
  private static @Nullable String numberDefect(BigDecimal number) {
    BigDecimal plain = number.stripTrailingZeros();
    if (plain.abs().compareTo(MAX_NUMBER) > 0) {
      return "must be between -(2^53 - 1) and 2^53 - 1";
    }
    // an integer in that range is exact as a double; a fraction only when it is this short
    if (plain.scale() > 0 && (plain.precision() > MAX_NUMBER_DIGITS || plain.scale() > MAX_NUMBER_DIGITS)) {
      return "must be an integer or have at most " + MAX_NUMBER_DIGITS + " significant digits and " + MAX_NUMBER_DIGITS + " decimals";
    }
    return null;
  }

  private static List<Map<String, Object>> attributes(JsonNode node, List<String> errors) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > 200) {
      errors.add("attributes must be an array of at most 200 objects");
      return List.of();
    }
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode a = node.get(i);
      String where = "attributes[" + i + "]";
      if (!a.isObject()) {
        errors.add(where + " must be an object");
        continue;
      }
      a.propertyNames().forEach(f -> {
        if (!ATTRIBUTE_FIELDS.contains(f)) {
          errors.add(where + " has unknown field '" + f + "'");
        }
      });
      Map<String, Object> attribute = new LinkedHashMap<>();
      JsonNode trait = a.get("trait_type");
      if (trait != null) {
        if (!trait.isString() || trait.asString().isEmpty() || trait.asString().length() > 100 || hasForbiddenCharacters(trait.asString(), false)) {
          errors.add(where + ".trait_type must be a string of 1 to 100 characters, well-formed, without control characters");
        } else {
          attribute.put("trait_type", trait.asString());
        }
      }
      JsonNode value = a.get("value");
      if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
        errors.add(where + ".value must be a string, number or boolean");
      } else if (value.isString() && (value.asString().length() > 500 || hasForbiddenCharacters(value.asString(), false))) {
        errors.add(where + ".value must be at most 500 characters, well-formed, without control characters");
      } else if (value.isNumber() && numberDefect(value.decimalValue()) != null) {
        errors.add(where + ".value " + numberDefect(value.decimalValue()));
      } else {
        attribute.put("value", value.isString() ? value.asString() : value.isBoolean() ? value.asBoolean() : value.decimalValue());
      }
      JsonNode display = a.get("display_type");
      if (display != null) {
        if (!display.isString() || !DISPLAY_TYPES.contains(display.asString())) {
          errors.add(where + ".display_type must be one of " + DISPLAY_TYPES);
        } else {
          attribute.put("display_type", display.asString());
        }
      }
      JsonNode max = a.get("max_value");
      if (max != null) {
        if (!max.isNumber()) {
          errors.add(where + ".max_value must be a number");
        } else if (numberDefect(max.decimalValue()) != null) {
          errors.add(where + ".max_value " + numberDefect(max.decimalValue()));
        } else {
          attribute.put("max_value", max.decimalValue());
        }
      }
      attributes.add(attribute);
    }
    return attributes;
  }
}
