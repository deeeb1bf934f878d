package io.nfttraders.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which database settings let a commit be acknowledged before it is on disk. */
class CommitDurabilityTest {

  @Test
  void commitsThatWaitForTheLocalFlushAreSafe() {
    for (String level : new String[] {"on", "local", "remote_write", "remote_apply"}) {
      assertThat(CommitDurability.unsafe(Map.of("fsync", "on", "synchronous_commit", level))).as(level).isEmpty();
    }
  }

  @Test
  void asynchronousCommitsOrNoFsyncAreNamed() {
    assertThat(CommitDurability.unsafe(Map.of("fsync", "on", "synchronous_commit", "off"))).containsExactly("synchronous_commit=off");
    assertThat(CommitDurability.unsafe(Map.of("fsync", "off", "synchronous_commit", "on"))).containsExactly("fsync=off");
    assertThat(CommitDurability.unsafe(Map.of("fsync", "off", "synchronous_commit", "off"))).containsExactly("fsync=off", "synchronous_commit=off");
  }
}
