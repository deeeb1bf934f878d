package io.nfttraders.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The anvil a standalone server started for one chain, paused (SIGSTOP: it stops answering, calls time out) and resumed. */
public record EmbeddedAnvil(String pid) {

  public static EmbeddedAnvil of(Path dataDirectory, long chainId) {
    try {
      return new EmbeddedAnvil(Files.readString(dataDirectory.resolve("anvil/" + chainId + "/anvil.pid")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("no anvil of chain " + chainId + " under " + dataDirectory, e);
    }
  }

  public void pause() {
    signal("STOP");
  }

  public void resume() {
    signal("CONT");
  }

  private void signal(String signal) {
    try {
      assertThat(new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor()).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
