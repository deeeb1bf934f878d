package io.nfttraders.support.hostile;

import io.nfttraders.support.hostile.JsonDocuments.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every hostile variant of one operation, generated from its OpenAPI description and a realistic
 * request: path, query and header parameters, the JSON body or the upload's parts, media types,
 * tokens, methods and framing. Each is sent anonymously and signed in (a variant carrying its own
 * Authorization once).
 *
 * <p>What spoils an input goes into the realistic request, so that the rest of it reaches the code
 * behind the first checks; a variant that spoils nothing of the request's content goes into one
 * that is refused anyway, for a command ({@link Baseline#spoiled}).
 */
public final class HostileVariants {

  private HostileVariants() {}

  /**
   * @param tokens Authorization values that must not authenticate, by name
   * @param otherMethods the other methods the operation's path documents
   */
  public static List<HostileRequest> of(ApiOperation operation, Baseline valid, Map<String, String> tokens, Set<String> otherMethods) {
    Baseline base = operation.unsafe() ? valid.spoiled(operation) : valid;
    boolean spoilable = !operation.unsafe() || !same(operation, base, valid);
    List<HostileRequest> variants = new ArrayList<>(UrlVariants.path(operation, valid));
    variants.addAll(UrlVariants.query(operation, base, spoilable));
    variants.addAll(UrlVariants.headers(operation, valid));
    variants.addAll(TransportVariants.all(operation, base, spoilable, tokens, otherMethods));
    if ("application/json".equals(operation.bodyType())) {
      List<Document> documents = new ArrayList<>(JsonDocuments.broken(operation.bodySchema(), valid.json(), base.json()));
      documents.addAll(JsonDocuments.properties(operation.bodySchema(), valid.json()));
      documents.forEach(d -> variants.add(Requests.withBody(operation, "body " + d.name(), valid, "application/json", d.bytes())));
    } else if (operation.bodyType() != null && operation.bodyType().startsWith("multipart/")) {
      variants.addAll(UploadVariants.all(operation, valid, base));
    }
    return anonymousAndSignedIn(variants);
  }

  /** Each variant sent anonymously and signed in; one carrying its own Authorization only as it is. */
  public static List<HostileRequest> anonymousAndSignedIn(List<HostileRequest> variants) {
    List<HostileRequest> sent = new ArrayList<>();
    for (HostileRequest variant : variants) {
      sent.add(variant.as(false));
      if (!variant.hasOwnAuthorization()) {
        sent.add(variant.as(true));
      }
    }
    return sent;
  }

  private static boolean same(ApiOperation operation, Baseline a, Baseline b) {
    return a.target(operation).equals(b.target(operation)) && Arrays.equals(Requests.body(operation, a), Requests.body(operation, b));
  }
}
