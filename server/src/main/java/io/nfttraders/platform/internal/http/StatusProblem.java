package io.nfttraders.platform.internal.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The problem document of an error answered with a status alone (by the container, or a
 * framework's default answer). It says no more than the status: their messages may quote the
 * request.
 */
public record StatusProblem(String type, String title, int status, String detail) {

  public static StatusProblem of(int status, @Nullable String requestId) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    String slug = known == null ? "http-" + status : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new StatusProblem("https://nfttraders.io/problems/" + slug, title, status, detail(status, title, requestId));
  }

  private static String detail(int status, String title, @Nullable String requestId) {
    if (status >= 500 && status != 501 && status != 505) {
      return "The server failed to handle this request; it has been logged under request id " + requestId;
    }
    return switch (status) {
      case 400 -> "The request is malformed: its URL (e.g. an encoded slash, backslash or NUL), a header or its framing is not allowed";
      case 404 -> "Nothing is served at this path";
      case 405 -> "This method is not allowed here";
      case 406 -> "None of the media types the Accept header names can be served here";
      case 408 -> "The request arrived too slowly";
      case 413 -> "The request is too large";
      case 414 -> "The request URL is too long";
      case 415 -> "The request's Content-Type is not one this route takes";
      case 416 -> "The requested range is not satisfiable";
      case 417 -> "Only the expectation 100-continue is supported";
      case 431 -> "The request headers are too large";
      case 501 -> "This method or transfer coding is not implemented";
      case 505 -> "Only HTTP/1.1 and HTTP/1.0 are supported";
      default -> title;
    };
  }
}
