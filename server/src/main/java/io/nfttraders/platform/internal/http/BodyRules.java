package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.UploadEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Which body a request may carry, decided from its method, path and headers alone: JSON of at most
 * {@code nft.http.max-json-body} anywhere, multipart only on the upload routes. Every answer here
 * comes before a byte of the body is read.
 */
@Component
class BodyRules {

  /** What a request's body must be. */
  record Rule(boolean upload, long maxBytes) {}

  private final HttpProperties properties;
  private final Set<String> uploadPaths;

  BodyRules(HttpProperties properties, List<UploadEndpoint> uploads) {
    this.properties = properties;
    this.uploadPaths = uploads.stream().map(UploadEndpoint::path).collect(Collectors.toUnmodifiableSet());
  }

  static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null;
  }

  boolean isUploadRoute(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && uploadPaths.contains(decodedPath(request));
  }

  /** The decoded path within the application, as the security chain and MVC match it. */
  private static String decodedPath(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
  }

  Rule ruleFor(HttpServletRequest request) {
    return isUploadRoute(request) ? new Rule(true, properties.uploads().maxBody().toBytes()) : new Rule(false, properties.maxJsonBody().toBytes());
  }

  /**
   * The declared media type, or the problem with it: a request's Content-Type names one concrete
   * type (no wildcards) with a charset Java knows; a body needs one.
   */
  static @Nullable MediaType contentType(HttpServletRequest request) {
    String header = request.getContentType();
    if (header == null || header.isBlank()) {
      return null;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(header);
    } catch (InvalidMediaTypeException e) {
      throw new BodyProblems.UnsupportedMediaType("The Content-Type is not a media type: " + e.getMessage());
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      throw new BodyProblems.UnsupportedMediaType("The Content-Type must name a concrete media type, not " + type);
    }
    String charset = type.getParameter("charset");
    if (charset != null && !knownCharset(charset.replace("\"", ""))) {
      throw new BodyProblems.UnsupportedMediaType("The Content-Type's charset is unknown: " + charset);
    }
    return type;
  }

  /**
   * The body's type, which must be what the route takes: multipart/form-data for an upload, JSON
   * for everything else. A body must say what it is (a route that takes none is not sent one either).
   */
  static MediaType check(Rule rule, @Nullable MediaType type) {
    if (type == null) {
      throw new BodyProblems.UnsupportedMediaType(rule.upload() ? "An upload is sent as multipart/form-data"
          : "A request body is sent as application/json, with its Content-Type");
    }
    if (rule.upload()) {
      if (!MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type)) {
        throw new BodyProblems.UnsupportedMediaType("An upload is sent as multipart/form-data, not " + type.getType() + "/" + type.getSubtype());
      }
      if (type.getParameter("boundary") == null) {
        throw new BodyProblems.MalformedMultipart("The multipart/form-data Content-Type names no boundary");
      }
    } else if (!isJson(type)) {
      throw new BodyProblems.UnsupportedMediaType("This route takes application/json, not " + type.getType() + "/" + type.getSubtype()
          + ("multipart".equals(type.getType()) ? " (uploads go to their own routes, signed in)" : ""));
    }
    return type;
  }

  /** application/json, or a JSON-based type such as application/merge-patch+json or application/graphql+json. */
  static boolean isJson(MediaType type) {
    return "application".equals(type.getType()) && ("json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix()));
  }

  private static boolean knownCharset(String name) {
    try {
      return Charset.isSupported(name);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}
