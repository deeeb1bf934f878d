package io.nfttraders.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPFS content identifier in the one form we produce and accept: CIDv1, multibase base32
 * ({@code b...}), codec raw (a single block, {@code bafkrei...}) or dag-pb (a UnixFS file or
 * directory node, {@code bafybei...}), multihash sha2-256. Anything else, including CIDv0
 * ({@code Qm...}), is an {@link InvalidCid}.
 *
 * <p>In JSON a CID is its string.
 *
 * @param value the canonical base32 string
 */
public record Cid(@JsonValue String value) {

  /** The multicodec of the block the CID names. */
  public enum Codec {
    RAW(0x55),
    DAG_PB(0x70);

    private final int code;

    Codec(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    static Optional<Codec> of(long code) {
      return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
  }

  private static final int VERSION_1 = 1;
  private static final int SHA2_256 = 0x12;
  private static final int DIGEST_LENGTH = 32;
  /** 'b' and base32 of version, codec, hash code, digest length and the 32-byte digest. */
  private static final int LENGTH = 59;

  public Cid {
    Objects.requireNonNull(value, "value");
    decode(value);
  }

  /** @throws InvalidCid when {@code text} is not a CID of the accepted form */
  @JsonCreator
  public static Cid parse(String text) {
    return new Cid(text);
  }

  /** The CID of a block whose sha2-256 digest is {@code sha256Digest}. */
  public static Cid of(Codec codec, byte[] sha256Digest) {
    if (sha256Digest.length != DIGEST_LENGTH) {
      throw new IllegalArgumentException("a sha2-256 digest has 32 bytes, not " + sha256Digest.length);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(36);
    bytes.write(VERSION_1);
    bytes.write(codec.code);
    bytes.write(SHA2_256);
    bytes.write(DIGEST_LENGTH);
    bytes.writeBytes(sha256Digest);
    return new Cid("b" + Base32.encode(bytes.toByteArray()));
  }

  public Codec codec() {
    return decode(value).codec();
  }

  /** The 32-byte sha2-256 digest of the block: what a contract stores as {@code bytes32}. */
  public byte[] sha256Digest() {
    return decode(value).digest();
  }

  /** The binary CID (version, codec, multihash), as dag-pb links carry it. */
  public byte[] toBytes() {
    return Base32.decode(value.substring(1)).orElseThrow();
  }

  /** {@code ipfs://<cid>}, the form token URIs use. */
  public String toIpfsUri() {
    return "ipfs://" + value;
  }

  @Override
  public String toString() {
    return value;
  }

  private record Decoded(Codec codec, byte[] digest) {}

  private static Decoded decode(String text) {
    // every accepted CID has the same length: checking it first also bounds the work on garbage
    if (text.length() != LENGTH || text.charAt(0) != 'b') {
      throw new InvalidCid("Expected a CIDv1 in base32 (59 characters starting with 'b', e.g. bafkrei...)");
    }
    byte[] bytes = Base32.decode(text.substring(1))
        .orElseThrow(() -> new InvalidCid("The CID is not canonical lower-case base32"));
    // at this length every varint below is a single byte (codes < 0x80), so bytes map 1:1
    if (bytes.length != 4 + DIGEST_LENGTH || bytes[0] != VERSION_1) {
      throw new InvalidCid("Only CID version 1 is supported");
    }
    Codec codec = Codec.of(bytes[1] & 0xff)
        .orElseThrow(() -> new InvalidCid("Only the raw and dag-pb codecs are supported"));
    if (bytes[2] != SHA2_256 || bytes[3] != DIGEST_LENGTH) {
      throw new InvalidCid("Only sha2-256 multihashes are supported");
    }
    return new Decoded(codec, Arrays.copyOfRange(bytes, 4, bytes.length));
  }
}
