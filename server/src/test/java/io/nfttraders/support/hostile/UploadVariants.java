package io.nfttraders.support.hostile;

import io.nfttraders.support.hostile.Baseline.Part;
import io.nfttraders.support.hostile.JsonDocuments.Document;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Variants of a multipart upload whose parts the schema names: parts missing or empty, files that
 * are not images or declare a huge canvas, and the JSON parts (the metadata) broken as documents
 * and property by property, as {@link JsonDocuments} breaks a JSON body.
 */
final class UploadVariants {

  private UploadVariants() {}

  static List<HostileRequest> all(ApiOperation operation, Baseline valid, Baseline spoiled) {
    List<HostileRequest> requests = new ArrayList<>();
    Map<String, Object> properties = Schemas.properties(operation.bodySchema());
    for (String name : Schemas.required(operation.bodySchema())) {
      requests.add(upload(operation, "part " + name + " missing", valid, valid.parts().stream().filter(p -> !p.name().equals(name)).toList()));
    }
    for (Part part : valid.parts()) {
      requests.add(upload(operation, "part " + part.name() + " empty", valid, replaced(valid, part, new byte[0])));
      Map<String, Object> schema = Schemas.asMap(properties.get(part.name()));
      boolean binary = "binary".equals(schema.get("format")) || "binary".equals(Schemas.asMap(schema.get("items")).get("format"));
      if (binary) {
        images().forEach((name, bytes) -> requests.add(upload(operation, "part " + part.name() + " = " + name, valid, replaced(valid, part, bytes))));
      } else if (part.contentType() != null && part.contentType().contains("json")) {
        Object document = Schemas.JSON.readValue(part.bytes(), Object.class);
        Map<String, Object> objectSchema = Schemas.asMap(itemsOrSelf(schema));
        // refused for its first property: the start of the documents a lenient parser could take as valid
        List<Object> first = document instanceof List<?> ? List.of(0, Baseline.firstScalarProperty(objectSchema)) : List.of(Baseline.firstScalarProperty(objectSchema));
        Object spoiledDocument = Schemas.JSON.readValue(JsonDocuments.replace(document, first, HostileRequest.utf8("[]")), Object.class);
        List<Document> documents = new ArrayList<>(JsonDocuments.broken(objectSchema, document, spoiledDocument));
        documents.addAll(JsonDocuments.properties(schema, document));
        documents.forEach(d -> requests.add(upload(operation, "part " + part.name() + " " + d.name(), valid, replaced(valid, part, d.bytes()))));
      }
    }
    List<Part> doubled = new ArrayList<>(valid.parts());
    valid.parts().stream().filter(p -> p.filename() != null && !p.contentType().contains("json")).findFirst().ifPresent(doubled::add);
    if (doubled.size() > valid.parts().size() && Schemas.types(Schemas.asMap(properties.get(doubled.getLast().name()))).contains("array")) {
      requests.add(upload(operation, "more files than metadata entries", valid, doubled));
    }
    requests.add(upload(operation, "a part without a name", spoiled, withHeaderless(spoiled)));
    return requests;
  }

  /** Files a server must not store as images. */
  static Map<String, byte[]> images() {
    byte[] png = png(8, 8);
    byte[] real = io.nfttraders.support.TestImages.png();
    return Map.of("not an image", HostileRequest.utf8("hello, I am not an image"),
        "SVG", HostileRequest.utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        "PNG declaring 7000x7000", png(7000, 7000), "PNG declaring 16385x1", png(16_385, 1), "PNG declaring 2^31-1 square", png(Integer.MAX_VALUE, Integer.MAX_VALUE),
        "PNG signature only", java.util.Arrays.copyOf(png, 8), "PNG then a ZIP archive", HostileRequest.concat(real, zip()),
        "GIF declaring 65535x65535", gif(65_535, 65_535));
  }

  /** A PNG's signature, header chunk (these dimensions, 8-bit RGB) and end chunk: what a server reads dimensions from. */
  static byte[] png(int width, int height) {
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    return HostileRequest.concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, chunk("IHDR", header.array()), chunk("IEND", new byte[0]));
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
  }

  private static byte[] gif(int width, int height) {
    return HostileRequest.concat(HostileRequest.utf8("GIF89a"),
        new byte[] {(byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8), 0, 0, 0, ';'});
  }

  /** A whole ZIP archive of one small file: appended to an image, a polyglot that archive tools open. */
  private static byte[] zip() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream archive = new java.util.zip.ZipOutputStream(out)) {
      archive.putNextEntry(new java.util.zip.ZipEntry("payload.html"));
      archive.write(HostileRequest.utf8("<script>alert(1)</script>"));
      archive.closeEntry();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Object itemsOrSelf(Map<String, Object> schema) {
    return schema.get("items") instanceof Map<?, ?> items ? items : schema;
  }

  private static List<Part> replaced(Baseline baseline, Part part, byte[] bytes) {
    return baseline.parts().stream().map(p -> p == part ? new Part(p.name(), p.filename(), p.contentType(), bytes) : p).toList();
  }

  private static List<Part> withHeaderless(Baseline baseline) {
    List<Part> parts = new ArrayList<>(baseline.parts());
    parts.add(new Part("", null, null, HostileRequest.utf8("nameless")));
    return parts;
  }

  private static HostileRequest upload(ApiOperation operation, String variant, Baseline baseline, List<Part> parts) {
    return Requests.withBody(operation, variant, baseline, Requests.MULTIPART, Baseline.multipart(parts));
  }
}
