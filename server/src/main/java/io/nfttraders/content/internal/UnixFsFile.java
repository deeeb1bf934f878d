package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a file's CID the way {@code ipfs add --cid-version=1 --raw-leaves} does, from bytes
 * written in any number of pieces: fixed 256 KiB chunks become raw leaves; a file of one chunk
 * is that raw block; more chunks are gathered by a balanced tree of UnixFS file nodes with at
 * most 174 links each. Only the leaves' CIDs and sizes are kept, so memory stays small for any
 * file size.
 */
final class UnixFsFile {

  static final int CHUNK_SIZE = 262_144;
  static final int MAX_LINKS = 174;

  /** A block of the file's DAG: its CID, the file bytes below it, its cumulative DAG size. */
  record Dag(Cid cid, long size, long dagSize) {}

  private final MessageDigest digest = DagPb.sha256();
  private final List<Dag> leaves = new ArrayList<>();
  private int chunkFill;
  private boolean finished;

  static Dag of(byte[] bytes) {
    UnixFsFile file = new UnixFsFile();
    file.write(bytes, 0, bytes.length);
    return file.finish();
  }

  void write(byte[] bytes, int offset, int length) {
    if (finished) {
      throw new IllegalStateException("already finished");
    }
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      int n = Math.min(CHUNK_SIZE - chunkFill, end - pos);
      digest.update(bytes, pos, n);
      chunkFill += n;
      pos += n;
      if (chunkFill == CHUNK_SIZE) {
        closeChunk();
      }
    }
  }

  Dag finish() {
    if (finished) {
      throw new IllegalStateException("already finished");
    }
    finished = true;
    // the last, partial chunk; an empty file is one empty raw block
    if (chunkFill > 0 || leaves.isEmpty()) {
      closeChunk();
    }
    if (leaves.size() == 1) {
      return leaves.getFirst();
    }
    List<Dag> level = leaves;
    do {
      level = parents(level);
    } while (level.size() > 1);
    return level.getFirst();
  }

  private void closeChunk() {
    leaves.add(new Dag(Cid.of(Cid.Codec.RAW, digest.digest()), chunkFill, chunkFill));
    chunkFill = 0;
  }

  private static List<Dag> parents(List<Dag> children) {
    List<Dag> parents = new ArrayList<>();
    for (int from = 0; from < children.size(); from += MAX_LINKS) {
      List<Dag> group = children.subList(from, Math.min(from + MAX_LINKS, children.size()));
      DagPb.Node node = DagPb.file(
          group.stream().map(child -> new DagPb.Link(child.cid(), "", child.dagSize())).toList(),
          group.stream().map(Dag::size).toList());
      parents.add(new Dag(node.cid(), group.stream().mapToLong(Dag::size).sum(), node.dagSize()));
    }
    return parents;
  }
}
