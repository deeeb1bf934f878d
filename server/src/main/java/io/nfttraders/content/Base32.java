package io.nfttraders.content;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * RFC 4648 base32, lower case, without padding: the multibase {@code b} encoding of CIDv1
 * strings. Decoding is strict (no upper case, no padding, zero trailing bits) so that every CID
 * has exactly one string form, which we use as storage key and ETag.
 */
final class Base32 {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Base32() {}

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  static Optional<byte[]> decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      int value = valueOf(text.charAt(i));
      if (value < 0) {
        return Optional.empty();
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    boolean canonicalTail = bits < 5 && (buffer & ((1 << bits) - 1)) == 0;
    return canonicalTail ? Optional.of(out.toByteArray()) : Optional.empty();
  }

  private static int valueOf(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= '2' && c <= '7') {
      return c - '2' + 26;
    }
    return -1;
  }
}
