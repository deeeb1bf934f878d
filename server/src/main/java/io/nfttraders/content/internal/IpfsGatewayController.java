package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import io.nfttraders.content.Content;
import io.nfttraders.content.ContentNotFound;
import io.nfttraders.content.ContentStore;
import io.nfttraders.content.InvalidContentPath;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A read-only IPFS path gateway for what the store holds: {@code /ipfs/<cid>} and {@code
 * /ipfs/<cid>/<path>}. Content under a CID never changes, so responses are cacheable forever
 * and the CID is a strong ETag. Bodies are streamed, one range at most.
 *
 * <p>Uploads are validated, but whatever is served here is also sandboxed ({@code
 * Content-Security-Policy}, {@code nosniff}): a document opened from this origin can run no
 * script and load nothing.
 */
@RestController
class IpfsGatewayController {

  private static final Logger log = LoggerFactory.getLogger(IpfsGatewayController.class);
  static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
  static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
  /** Separators and dots that, percent-encoded, would change which path the request names. */
  private static final String[] ENCODED_SEPARATORS = {"%2f", "%5c", "%2e", "%00", "\\"};

  private final ContentStore store;

  IpfsGatewayController(ContentStore store) {
    this.store = store;
  }

  @RequestMapping(path = {"/ipfs/{cid}", "/ipfs/{cid}/{*path}"}, method = {RequestMethod.GET, RequestMethod.HEAD})
  void serve(@PathVariable String cid, @PathVariable(required = false) @Nullable String path,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    String lowerUri = request.getRequestURI().toLowerCase(Locale.ROOT);
    if (Arrays.stream(ENCODED_SEPARATORS).anyMatch(lowerUri::contains)) {
      throw new InvalidContentPath("Encoded separators, dots and backslashes are not allowed in the path");
    }
    Cid root = Cid.parse(cid);
    String subPath = path == null ? "" : path;
    Content content = store.resolve(root, subPath)
        .orElseThrow(() -> new ContentNotFound(subPath.isEmpty() || subPath.equals("/") ? root.value() : root.value() + subPath));
    String etag = "\"" + content.cid() + "\"";

    if (matchesAny(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      cachingHeaders(response, etag);
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
    ByteRange range = ifRange == null || ifRange.trim().equals(etag)
        ? ByteRange.parse(request.getHeader(HttpHeaders.RANGE), content.size())
        : new ByteRange.Whole();
    switch (range) {
      case ByteRange.Unsatisfiable u -> throw new RangeNotSatisfiable(content.size());
      case ByteRange.Whole w -> {
        contentHeaders(response, content, etag);
        response.setContentLengthLong(content.size());
        send(request, response, content, 0, content.size() - 1);
      }
      case ByteRange.Part part -> {
        contentHeaders(response, content, etag);
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + part.first() + "-" + part.last() + "/" + content.size());
        response.setContentLengthLong(part.length());
        send(request, response, content, part.first(), part.last());
      }
    }
  }

  private static void cachingHeaders(HttpServletResponse response, String etag) {
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER);
  }

  private static void contentHeaders(HttpServletResponse response, Content content, String etag) {
    cachingHeaders(response, etag);
    response.setContentType(content.mediaType());
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", SANDBOX);
  }

  /** Weak comparison, as If-None-Match uses: {@code W/"x"} matches {@code "x"}. */
  private static boolean matchesAny(@Nullable String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::trim)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }

  private static void send(HttpServletRequest request, HttpServletResponse response, Content content, long first, long last)
      throws IOException {
    if (request.getMethod().equals("HEAD") || last < first) {
      return;
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = content.bytes().openRange(first, last)) {
      OutputStream out = response.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        try {
          out.write(buffer, 0, n);
        } catch (IOException clientGone) {
          // the client closed the connection: nothing to answer, nothing of ours failed
          log.debug("client went away while receiving cid={}: {}", content.cid(), clientGone.toString());
          return;
        }
      }
    }
  }
}
