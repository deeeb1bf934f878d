package io.nfttraders.content.internal;

import io.nfttraders.content.ImageInfo;
import io.nfttraders.content.UnsupportedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads type and declared dimensions from an image's first bytes, without decoding pixels: the
 * point is to refuse a decompression bomb before anything (here or in a viewer) decodes it.
 */
public final class ImageHeaders {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private ImageHeaders() {}

  /**
   * Empty when the bytes start like none of the accepted types.
   *
   * @throws UnsupportedImage when they start like one but its header is truncated or malformed
   */
  public static Optional<ImageInfo> read(byte[] b) {
    try {
      if (startsWith(b, 0, PNG)) {
        return Optional.of(png(b));
      }
      if (startsWith(b, 0, JPEG)) {
        return Optional.of(jpeg(b));
      }
      if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
        return Optional.of(gif(b));
      }
      if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
        return Optional.of(webp(b));
      }
      if (startsWith(b, 4, ascii("ftyp")) && isAvif(b)) {
        return Optional.of(avif(b));
      }
      return Optional.empty();
    } catch (Malformed e) {
      throw new UnsupportedImage("The " + e.type + " header is truncated or malformed: " + e.getMessage());
    }
  }

  /**
   * Whether a ZIP archive's end record closes the bytes: the trick behind image/JAR polyglots,
   * which pass as an image and open as an archive.
   */
  public static boolean endsWithZipArchive(byte[] b) {
    int lowest = Math.max(0, b.length - 22 - 0xffff);
    for (int i = b.length - 22; i >= lowest; i--) {
      if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6
          && i + 22 + (long) u16le(b, i + 20, "ZIP") == b.length) {
        return true;
      }
    }
    return false;
  }

  private static ImageInfo png(byte[] b) {
    // the first chunk is IHDR: length 13, then big-endian width and height
    if (u32be(b, 8, "PNG") != 13 || !startsWith(b, 12, ascii("IHDR"))) {
      throw new Malformed("PNG", "the first chunk is not IHDR");
    }
    return info("image/png", u32be(b, 16, "PNG"), u32be(b, 20, "PNG"), "PNG");
  }

  private static ImageInfo jpeg(byte[] b) {
    int pos = 2;
    while (true) {
      if (u8(b, pos, "JPEG") != 0xff) {
        throw new Malformed("JPEG", "expected a marker at offset " + pos);
      }
      int marker = u8(b, pos + 1, "JPEG");
      if (marker == 0xff) {
        pos++; // fill byte
      } else if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
        pos += 2; // markers without a length
      } else if (marker == 0xd9 || marker == 0xda) {
        throw new Malformed("JPEG", "no frame header before the image data");
      } else if (isStartOfFrame(marker)) {
        // length, precision, then big-endian height and width
        return info("image/jpeg", u16be(b, pos + 7, "JPEG"), u16be(b, pos + 5, "JPEG"), "JPEG");
      } else {
        int length = u16be(b, pos + 2, "JPEG");
        if (length < 2) {
          throw new Malformed("JPEG", "a segment length below 2");
        }
        pos += 2 + length;
      }
    }
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
  }

  private static ImageInfo gif(byte[] b) {
    long width = u16le(b, 6, "GIF");
    long height = u16le(b, 8, "GIF");
    int pos = 13 + colorTableBytes(u8(b, 10, "GIF"));
    // every frame has its own size, which may exceed the canvas: decoders allocate for it too
    while (pos < b.length) {
      int block = u8(b, pos, "GIF");
      if (block == 0x3b) {
        break; // trailer
      } else if (block == 0x21) {
        pos = skipSubBlocks(b, pos + 2); // extension: introducer, label, data
      } else if (block == 0x2c) {
        width = Math.max(width, u16le(b, pos + 5, "GIF"));
        height = Math.max(height, u16le(b, pos + 7, "GIF"));
        pos += 10 + colorTableBytes(u8(b, pos + 9, "GIF"));
        pos = skipSubBlocks(b, pos + 1); // LZW minimum code size, then the data
      } else {
        throw new Malformed("GIF", "an unknown block 0x" + Integer.toHexString(block));
      }
    }
    return info("image/gif", width, height, "GIF");
  }

  private static int colorTableBytes(int flags) {
    return (flags & 0x80) == 0 ? 0 : 3 * (1 << ((flags & 7) + 1));
  }

  private static int skipSubBlocks(byte[] b, int pos) {
    while (true) {
      int length = u8(b, pos, "GIF");
      pos += 1 + length;
      if (length == 0) {
        return pos;
      }
    }
  }

  private static ImageInfo webp(byte[] b) {
    int payload = 20; // after "RIFF", size, "WEBP", chunk type and chunk size
    if (startsWith(b, 12, ascii("VP8 "))) {
      // a key frame: 3-byte frame tag, start code 9d 01 2a, 14-bit width and height
      boolean keyFrame = (u8(b, payload, "WebP") & 1) == 0;
      if (!keyFrame || u8(b, payload + 3, "WebP") != 0x9d || u8(b, payload + 4, "WebP") != 0x01
          || u8(b, payload + 5, "WebP") != 0x2a) {
        throw new Malformed("WebP", "the VP8 data does not start with a key frame");
      }
      return info("image/webp", u16le(b, payload + 6, "WebP") & 0x3fff, u16le(b, payload + 8, "WebP") & 0x3fff, "WebP");
    }
    if (startsWith(b, 12, ascii("VP8L"))) {
      if (u8(b, payload, "WebP") != 0x2f) {
        throw new Malformed("WebP", "the VP8L signature is missing");
      }
      long bits = u32le(b, payload + 1, "WebP");
      return info("image/webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, "WebP");
    }
    if (startsWith(b, 12, ascii("VP8X"))) {
      // flags, 3 reserved bytes, then 24-bit canvas width and height minus one
      return info("image/webp", u24le(b, payload + 4) + 1, u24le(b, payload + 7) + 1, "WebP");
    }
    throw new Malformed("WebP", "the first chunk is not VP8, VP8L or VP8X");
  }

  private static boolean isAvif(byte[] b) {
    long size = u32be(b, 0, "AVIF");
    if (size < 16 || size > b.length) {
      return false;
    }
    for (int brand = 8; brand + 4 <= size; brand += 4) {
      if (brand == 12) {
        continue; // minor version, not a brand
      }
      if (startsWith(b, brand, ascii("avif")) || startsWith(b, brand, ascii("avis"))) {
        return true;
      }
    }
    return false;
  }

  private static ImageInfo avif(byte[] b) {
    long width = 0;
    long height = 0;
    // meta (a full box) > iprp > ipco > ispe (a full box: width and height); one per image item
    for (Box meta : boxes(b, 0, b.length, "meta")) {
      for (Box iprp : boxes(b, meta.content + 4, meta.end, "iprp")) {
        for (Box ipco : boxes(b, iprp.content, iprp.end, "ipco")) {
          for (Box ispe : boxes(b, ipco.content, ipco.end, "ispe")) {
            width = Math.max(width, u32be(b, ispe.content + 4, "AVIF"));
            height = Math.max(height, u32be(b, ispe.content + 8, "AVIF"));
          }
        }
      }
    }
    return info("image/avif", width, height, "AVIF");
  }

  private record Box(String type, int content, int end) {}

  private static List<Box> boxes(byte[] b, int from, int to, String wanted) {
    List<Box> found = new ArrayList<>();
    int pos = from;
    while (pos + 8 <= to) {
      long size = u32be(b, pos, "AVIF");
      int header = 8;
      if (size == 1) {
        long high = u32be(b, pos + 8, "AVIF");
        size = high != 0 ? Long.MAX_VALUE : u32be(b, pos + 12, "AVIF");
        header = 16;
      } else if (size == 0) {
        size = to - pos; // to the end of the enclosing box
      }
      if (size < header || size > to - pos) {
        throw new Malformed("AVIF", "a box overruns its parent");
      }
      String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
      if (type.equals(wanted)) {
        found.add(new Box(type, pos + header, (int) (pos + size)));
      }
      pos += (int) size;
    }
    return found;
  }

  private static ImageInfo info(String mediaType, long width, long height, String type) {
    if (width <= 0 || height <= 0) {
      throw new Malformed(type, "it declares no width or height");
    }
    return new ImageInfo(mediaType, width, height);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
    if (b.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u8(byte[] b, int pos, String type) {
    if (pos < 0 || pos >= b.length) {
      throw new Malformed(type, "it ends too early");
    }
    return b[pos] & 0xff;
  }

  private static int u16be(byte[] b, int pos, String type) {
    return (u8(b, pos, type) << 8) | u8(b, pos + 1, type);
  }

  private static int u16le(byte[] b, int pos, String type) {
    return u8(b, pos, type) | (u8(b, pos + 1, type) << 8);
  }

  private static long u24le(byte[] b, int pos) {
    return u16le(b, pos, "WebP") | ((long) u8(b, pos + 2, "WebP") << 16);
  }

  private static long u32be(byte[] b, int pos, String type) {
    return ((long) u16be(b, pos, type) << 16) | u16be(b, pos + 2, type);
  }

  private static long u32le(byte[] b, int pos, String type) {
    return u16le(b, pos, type) | ((long) u16le(b, pos + 2, type) << 16);
  }

  /** A header that ends early or contradicts itself; becomes an UnsupportedImage. */
  private static final class Malformed extends RuntimeException {
    private final String type;

    Malformed(String type, String why) {
      super(why, null, false, false);
      this.type = type;
    }
  }
}
