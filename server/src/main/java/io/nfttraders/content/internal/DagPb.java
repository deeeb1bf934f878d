package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * dag-pb nodes carrying UnixFS data, encoded byte for byte as kubo and the JavaScript importer
 * encode them, because the CID is the hash of these bytes.
 *
 * <pre>
 * PBNode { repeated PBLink Links = 2; optional bytes Data = 1; }  -- Links written first
 * PBLink { optional bytes Hash = 1; optional string Name = 2; optional uint64 Tsize = 3; }
 * Data   { Type Type = 1; optional uint64 filesize = 3; repeated uint64 blocksizes = 4; } (unpacked)
 * </pre>
 */
final class DagPb {

  private static final int UNIXFS_DIRECTORY = 1;
  private static final int UNIXFS_FILE = 2;

  private DagPb() {}

  /**
   * A link to a child block.
   *
   * @param name empty for the chunks of a file; still encoded, as the reference encoders do
   * @param tsize the cumulative size of the child's DAG: its block plus everything below it
   */
  record Link(Cid cid, String name, long tsize) {}

  /** A node that was encoded, with what a parent's link needs to know about it. */
  record Node(Cid cid, byte[] block, long dagSize) {}

  /** A UnixFS file node over chunks (or file nodes) whose content lengths are {@code blockSizes}. */
  static Node file(List<Link> links, List<Long> blockSizes) {
    Protobuf data = new Protobuf().varintField(1, UNIXFS_FILE);
    data.varintField(3, blockSizes.stream().mapToLong(Long::longValue).sum());
    blockSizes.forEach(size -> data.varintField(4, size));
    return node(links, data.toByteArray());
  }

  /** A basic UnixFS directory; {@code links} must already be sorted by name bytes. */
  static Node directory(List<Link> links) {
    return node(links, new Protobuf().varintField(1, UNIXFS_DIRECTORY).toByteArray());
  }

  private static Node node(List<Link> links, byte[] data) {
    Protobuf node = new Protobuf();
    long dagSize = 0;
    for (Link link : links) {
      node.bytesField(2, new Protobuf()
          .bytesField(1, link.cid().toBytes())
          .bytesField(2, link.name().getBytes(StandardCharsets.UTF_8))
          .varintField(3, link.tsize())
          .toByteArray());
      dagSize += link.tsize();
    }
    node.bytesField(1, data);
    byte[] block = node.toByteArray();
    return new Node(Cid.of(Cid.Codec.DAG_PB, sha256(block)), block, block.length + dagSize);
  }

  static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
