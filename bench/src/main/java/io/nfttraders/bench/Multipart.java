package io.nfttraders.bench;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body, built once before the clock starts so that the load generator
 * spends its time sending, not encoding. The same body can be sent again (retries never happen
 * here, but the publisher is replayable).
 */
final class Multipart {

  private final String boundary = "----nftbench" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private byte[] body = new byte[0];

  Multipart file(String name, String filename, String contentType, byte[] bytes) {
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Multipart json(String name, String json) {
    return file(name, name + ".json", "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Ends the body; call once, after the last part. */
  Multipart close() {
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    body = out.toByteArray();
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.ofByteArray(body);
  }

  int size() {
    return body.length;
  }
}
