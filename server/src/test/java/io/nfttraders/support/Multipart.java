package io.nfttraders.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A multipart/form-data body, built by hand so tests control every byte. */
public final class Multipart {

  /** A file part, or a plain form field when {@code filename} is null. */
  private record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] bytes) {}

  private final String boundary = "----nft" + UUID.randomUUID();
  private final List<Part> parts = new ArrayList<>();

  public Multipart file(String name, String filename, String contentType, byte[] bytes) {
    parts.add(new Part(name, filename, contentType, bytes));
    return this;
  }

  public Multipart json(String name, String json) {
    return file(name, name + ".json", "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A plain form field (no filename, no content type), as a browser sends an input's value. */
  public Multipart field(String name, String value) {
    parts.add(new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public HttpRequest.BodyPublisher body() {
    return HttpRequest.BodyPublishers.ofByteArray(bytes());
  }

  /** The whole body, as it goes on the wire. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      String headers = p.filename() == null
          ? "Content-Disposition: form-data; name=\"" + p.name() + "\"\r\n\r\n"
          : "Content-Disposition: form-data; name=\"" + p.name() + "\"; filename=\"" + p.filename() + "\"\r\nContent-Type: " + p.contentType() + "\r\n\r\n";
      out.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
