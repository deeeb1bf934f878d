package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A basic (not HAMT-sharded) UnixFS directory node. Links are sorted by the bytes of their
 * names, so "10" comes before "2", and each records the cumulative size of its child's DAG.
 */
final class UnixFsDirectory {

  /** A child: its name, CID and cumulative DAG size. */
  record Child(String name, Cid cid, long dagSize) {}

  static final Comparator<String> BY_NAME_BYTES = (a, b) ->
      Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private UnixFsDirectory() {}

  static DagPb.Node of(List<Child> children) {
    return DagPb.directory(children.stream()
        .sorted(Comparator.comparing(Child::name, BY_NAME_BYTES))
        .map(child -> new DagPb.Link(child.cid(), child.name(), child.dagSize()))
        .toList());
  }
}
