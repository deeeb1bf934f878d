package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** Why a request body was refused, before or while it was read. */
final class BodyProblems {

  private BodyProblems() {}

  static final class TooLarge extends ApiProblem {
    TooLarge(String detail) {
      super(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", detail);
    }
  }

  static final class TooSlow extends ApiProblem {
    TooSlow(long received) {
      super(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request timeout",
          "The request body arrived too slowly (" + received + " bytes received); send it again at a steadier rate");
    }
  }

  static final class UnsupportedMediaType extends ApiProblem {
    UnsupportedMediaType(String detail) {
      super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type", detail);
    }
  }

  static final class NotAcceptable extends ApiProblem {
    NotAcceptable(String detail) {
      super(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not Acceptable", detail);
    }
  }

  static final class MalformedQuery extends ApiProblem {
    MalformedQuery(String detail) {
      super(HttpStatus.BAD_REQUEST, "malformed-query", "Malformed query string", detail);
    }
  }

  static final class MalformedBody extends ApiProblem {
    MalformedBody() {
      this("The request body's framing is broken (e.g. a bad chunk)");
    }

    MalformedBody(String detail) {
      super(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail);
    }
  }

  static final class CutShort extends ApiProblem {
    CutShort(long received) {
      super(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
          "The request body ended before its declared length (" + received + " bytes received)");
    }
  }

  static final class ContentEncodingRefused extends ApiProblem {
    ContentEncodingRefused(String coding) {
      super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding", "Unsupported Content-Encoding",
          "Request bodies are taken as they are, without a content coding; this one is " + coding);
    }
  }

  static final class MalformedMultipart extends ApiProblem {
    MalformedMultipart(String detail) {
      super(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body", detail);
    }
  }
}
