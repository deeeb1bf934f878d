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

  /** Each Accept header a list of media types (wildcards are what Accept is for). */
  static void checkAccept(HttpServletRequest request) {
    Enumeration<String> accepts = request.getHeaders("Accept");
    while (accepts.hasMoreElements()) {
      String accept = accepts.nextElement();
      try {
        MediaType.parseMediaTypes(accept);
      } catch (InvalidMediaTypeException e) {
        throw new BodyProblems.NotAcceptable("The Accept header is not a list of media types: " + e.getMessage());
      }
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
      throw new BodyProblems.MalformedQuery();
    }
  }
}
