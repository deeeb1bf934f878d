package io.nfttraders.platform.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What a request says before its body, checked once for every route: frameworks further on parse
 * these lazily, each in its own way, and some fail with a server error on a malformed one.
 */
final class HeadChecks {

  private HeadChecks() {}

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

  /**
   * The query string's parameters decode (valid percent-encoding of UTF-8). Tomcat decodes them on
   * first use and throws where a controller, or the actuator, asks. Not for a multipart or form
   * body: Tomcat would read that body for parameters too, on this thread ({@link ReceivedRequest}
   * reads an upload's query itself; a form body is refused).
   */
  static void checkQuery(HttpServletRequest request, @Nullable MediaType bodyType) {
    boolean bodyHasParameters = bodyType != null
        && ("multipart".equals(bodyType.getType()) || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(bodyType));
    if (request.getQueryString() == null || bodyHasParameters) {
      return;
    }
    try {
      request.getParameterMap();
    } catch (InvalidParameterException e) {
      boolean tooMany = e.getMessage() != null && e.getMessage().contains("maximum");
      throw new BodyProblems.MalformedQuery(tooMany ? "A query string has at most 1,000 parameters"
          : "The query string's parameters are not valid percent-encoded UTF-8 (e.g. %zz or a stray %)");
    }
  }
}
