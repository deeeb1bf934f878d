package io.nfttraders.content.internal;

import java.io.ByteArrayOutputStream;

/**
 * The few protobuf encodings dag-pb and UnixFS need: varints and length-delimited fields, written
 * in the order the caller gives (dag-pb's canonical form depends on that order).
 */
final class Protobuf {

  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Protobuf varintField(int field, long value) {
    varint(((long) field << 3) | VARINT);
    varint(value);
    return this;
  }

  Protobuf bytesField(int field, byte[] bytes) {
    varint(((long) field << 3) | LENGTH_DELIMITED);
    varint(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void varint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("only unsigned values are encoded here: " + value);
    }
    long v = value;
    while (v >= 0x80) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }
}
