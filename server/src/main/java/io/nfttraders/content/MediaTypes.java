package io.nfttraders.content;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/** Media types are sent as a response header, so only well-formed ones are stored. */
final class MediaTypes {

  private MediaTypes() {}

  static String requireValid(String mediaType) {
    MimeType parsed;
    try {
      parsed = MimeTypeUtils.parseMimeType(mediaType);
    } catch (InvalidMimeTypeException e) {
      throw new IllegalArgumentException("not a media type: " + mediaType, e);
    }
    if (parsed.isWildcardType() || parsed.isWildcardSubtype()) {
      throw new IllegalArgumentException("not a concrete media type: " + mediaType);
    }
    return mediaType;
  }
}
