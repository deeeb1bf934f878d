package io.nfttraders.platform.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

/**
 * What a request says before its body, checked once for every route: frameworks further on parse
 * these lazily, each in its own way, and some fail with a server error on a malformed one.
 */
final class HeaderAndQueryChecks {

  private HeaderAndQueryChecks() {}

  /** The media types a request may list in its Accept headers, as Spring reads them. */
  static final int MAX_ACCEPTED_TYPES = 50;

  /** Each Accept header a list of media types (wildcards are what Accept is for), at most 50 in all. */
  static void checkAccept(HttpServletRequest request) {
    Enumeration<String> accepts = request.getHeaders("Accept");
    int types = 0;
    while (accepts.hasMoreElements()) {
      String accept = accepts.nextElement();
      try {
        types += MediaType.parseMediaTypes(accept).size();
      } catch (InvalidMediaTypeException e) {
        throw new BodyProblems.NotAcceptable("The Accept header is not a list of media types: " + e.getMessage());
      }
    }
    if (types > MAX_ACCEPTED_TYPES) {
      throw new BodyProblems.NotAcceptable("The Accept headers name " + types + " media types; at most " + MAX_ACCEPTED_TYPES + " are read");
    }
  }

  /** A body is taken as it is: a content coding (gzip...) would need decoding first. */
  static void checkContentEncoding(HttpServletRequest request) {
    String coding = request.getHeader("Content-Encoding");
    if (coding != null && !coding.isBlank() && !"identity".equalsIgnoreCase(coding.strip())) {
      throw new BodyProblems.ContentEncodingRefused(coding.strip());
    }
  }

  /** Parameters a query string may have (Tomcat's limit). */
  static final int MAX_QUERY_PARAMETERS = 1_000;

  /**
   * The query string's parameters decode (valid percent-encoding of UTF-8), at most 1,000 of them.
   * Tomcat decodes them on first use and throws where a controller, or the actuator, asks; for a
   * multipart or form body it would also read that body for parameters, on this thread, so such a
   * request's query is decoded here instead ({@link ReceivedRequest} reads an upload's query itself;
   * a form body is refused).
   */
  static void checkQuery(HttpServletRequest request, @Nullable MediaType bodyType) {
    String query = request.getQueryString();
    if (query == null) {
      return;
    }
    if (query.chars().filter(c -> c == '&').count() >= MAX_QUERY_PARAMETERS) {
      throw new BodyProblems.MalformedQuery("A query string has at most " + MAX_QUERY_PARAMETERS + " parameters");
    }
    boolean bodyHasParameters = bodyType != null
        && ("multipart".equals(bodyType.getType()) || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(bodyType));
    try {
      if (bodyHasParameters) {
        for (String pair : query.split("&")) {
          byte[] decoded = UriUtils.decode(pair.replace('+', ' '), StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
        }
      } else {
        request.getParameterMap();
      }
    } catch (InvalidParameterException | IllegalArgumentException | CharacterCodingException e) {
      throw new BodyProblems.MalformedQuery("The query string's parameters are not valid percent-encoded UTF-8 (e.g. %zz or a stray %)");
    }
  }
}
