package io.nfttraders.content;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Real image files for tests: PNG, JPEG and GIF written by the JDK's encoders, WebP and AVIF
 * made by libwebp's {@code cwebp} and libavif's {@code avifenc} from a 5 x 3 PNG (and checked
 * with {@code dwebp}/{@code avifdec}), and copies of them whose headers declare other sizes.
 */
public final class TestImages {

  /** cwebp -q 50: a "VP8 " (lossy) chunk. */
  public static final byte[] WEBP_LOSSY_5X3 = base64(
      "UklGRkYAAABXRUJQVlA4IDoAAACwAQCdASoFAAMAAsBMJaACdAEO+mBgAP7mneQYuKKmBNxurVR3GQwPu5/kRP3L84gajhY3bLuLgAAA");
  /** cwebp -lossless: a VP8L chunk. */
  public static final byte[] WEBP_LOSSLESS_5X3 = base64(
      "UklGRjwAAABXRUJQVlA4TC8AAAAvBIAAAHdAmG00uhKd//MYBmW05r8HGWB5AQwCQCJQsaSQQnAprDBqRP/DQ459AQA=");
  /** cwebp -q 50 of an image with alpha: VP8X, ALPH and VP8 chunks. */
  public static final byte[] WEBP_EXTENDED_5X3 = base64(
      "UklGRmoAAABXRUJQVlA4WAoAAAAQAAAABAAAAgAAQUxQSAoAAAABB1DAiAhERP8DVlA4IDoAAACwAQCdASoFAAMAAsBMJaACdAEO+mBgAP7mneQYuKKmBNxurVR3GQwPu5/kRP3L84gajhY3bLuLgAAA");
  /** avifenc: ftyp avif, meta with an ispe of 5 x 3 at offset 0xc4, mdat. */
  public static final byte[] AVIF_5X3 = base64(
      "AAAAIGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZk1BMUEAAADybWV0YQAAAAAAAAAoaGRscgAAAAAAAAAAcGljdAAAAAAAAAAAAAAAAGxpYmF2aWYAAAAADnBpdG0AAAAAAAEAAAAeaWxvYwAAAABEAAABAAEAAAABAAABGgAAAC0AAAAoaWluZgAAAAAAAQAAABppbmZlAgAAAAABAABhdjAxQ29sb3IAAAAAamlwcnAAAABLaXBjbwAAABRpc3BlAAAAAAAAAAUAAAADAAAAEHBpeGkAAAAAAwgICAAAAAxhdjFDgSAAAAAAABNjb2xybmNseAABAA0ABoAAAAAXaXBtYQAAAAAAAAABAAEEAQKDBAAAADVtZGF0EgAKCDgIZMICGg0gMh8WQAYYYYQAPPYdHp0Llf6yGkdsKu1CRo8f3p9HuJVA");

  private TestImages() {}

  public static byte[] png(int width, int height) {
    return encode("png", new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB));
  }

  public static byte[] jpeg(int width, int height) {
    return encode("jpg", new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
  }

  public static byte[] gif(int width, int height) {
    return encode("gif", new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED));
  }

  /** A real PNG whose IHDR (CRC and all) declares another size: pixels it does not have. */
  public static byte[] pngDeclaring(long width, long height) {
    byte[] png = png(2, 2);
    ByteBuffer b = ByteBuffer.wrap(png);
    b.putInt(16, (int) width).putInt(20, (int) height);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17); // chunk type and data
    b.putInt(29, (int) crc.getValue());
    return png;
  }

  /** A real JPEG whose baseline frame header declares another size. */
  public static byte[] jpegDeclaring(int width, int height) {
    byte[] jpeg = jpeg(8, 8);
    for (int i = 2; i + 8 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
        ByteBuffer.wrap(jpeg).putShort(i + 5, (short) height).putShort(i + 7, (short) width);
        return jpeg;
      }
    }
    throw new IllegalStateException("no SOF0 in the JDK's JPEG");
  }

  /** A real GIF whose logical screen declares another size. */
  public static byte[] gifDeclaring(int width, int height) {
    byte[] gif = gif(4, 4);
    gif[6] = (byte) width;
    gif[7] = (byte) (width >>> 8);
    gif[8] = (byte) height;
    gif[9] = (byte) (height >>> 8);
    return gif;
  }

  /** A well-formed GIF with a small canvas and one frame of {@code frameWidth x frameHeight}. */
  public static byte[] gifWithFrame(int canvasSide, int frameWidth, int frameHeight) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
    le16(out, canvasSide);
    le16(out, canvasSide);
    out.writeBytes(new byte[] {0, 0, 0}); // no global color table, background, aspect
    out.write(0x2c);
    le16(out, 0);
    le16(out, 0);
    le16(out, frameWidth);
    le16(out, frameHeight);
    out.write(0); // no local color table
    out.writeBytes(new byte[] {2, 2, 0x4c, 0x01, 0}); // LZW code size, one data sub-block, end
    out.write(0x3b);
    return out.toByteArray();
  }

  /** The real extended WebP with its VP8X canvas set to another size. */
  public static byte[] webpDeclaring(int width, int height) {
    byte[] webp = WEBP_EXTENDED_5X3.clone();
    put24le(webp, 24, width - 1);
    put24le(webp, 27, height - 1);
    return webp;
  }

  /** The real AVIF with its image spatial extents set to another size. */
  public static byte[] avifDeclaring(int width, int height) {
    byte[] avif = AVIF_5X3.clone();
    ByteBuffer.wrap(avif).putInt(0xc4, width).putInt(0xc8, height);
    return avif;
  }

  public static byte[] zip(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static byte[] encode(String format, BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no " + format + " writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void le16(ByteArrayOutputStream out, int value) {
    out.write(value & 0xff);
    out.write((value >>> 8) & 0xff);
  }

  private static void put24le(byte[] b, int offset, int value) {
    b[offset] = (byte) value;
    b[offset + 1] = (byte) (value >>> 8);
    b[offset + 2] = (byte) (value >>> 16);
  }

  private static byte[] base64(String text) {
    return Base64.getDecoder().decode(text);
  }
}
