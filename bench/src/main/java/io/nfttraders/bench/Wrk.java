package io.nfttraders.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop HTTP load from wrk (Debian's package; bench/run installs it): a C event loop that
 * costs the shared two cores a fraction of what a JVM client does (the JDK HttpClient took about a
 * third of the machine at 800 requests/s). Each request's body is picked at random from a list
 * given up front, so no request is built by the generator's Lua at run time beyond that choice.
 */
final class Wrk {

  /** Latencies in microseconds; {@code errors} counts non-2xx answers, timeouts and socket errors. */
  record Result(long requests, double seconds, long errors, long p50, long p99, long p999, long max) {
    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  /** Prints the summary for {@link #run}; non-2xx answers count as errors. */
  private static final String DONE = """
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format("RESULT requests=%d micros=%d errors=%d p50=%d p99=%d p999=%d max=%d\\n",
          summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
          latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
      end
      """;

  private Wrk() {}

  /** POSTs the bodies (JSON) at random to {@code url} from {@code connections} connections for {@code seconds}. */
  static Result post(String url, List<String> bodies, int connections, int threads, int seconds, Path workDirectory)
      throws IOException, InterruptedException {
    StringBuilder lua = new StringBuilder("local bodies = {\n");
    for (String body : bodies) {
      lua.append("  [==[").append(body).append("]==],\n");
    }
    lua.append("""
        }
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        request = function()
          return wrk.format(nil, nil, nil, bodies[math.random(#bodies)])
        end
        """);
    return run(url, lua.toString(), connections, threads, seconds, workDirectory);
  }

  /**
   * Runs wrk with this Lua script, which defines {@code request} (and not {@code done}: the summary
   * line is added here).
   */
  static Result run(String url, String requestScript, int connections, int threads, int seconds, Path workDirectory)
      throws IOException, InterruptedException {
    Path script = workDirectory.resolve("wrk.lua");
    String lua = requestScript + DONE;
    Files.writeString(script, lua, StandardCharsets.UTF_8);
    Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(), url)
        .redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.substring("RESULT ".length()).split(" ")) {
      String[] kv = pair.split("=");
      values.put(kv[0], Long.parseLong(kv[1]));
    }
    return new Result(values.get("requests"), values.get("micros") / 1e6, values.get("errors"), values.get("p50"), values.get("p99"),
        values.get("p999"), values.get("max"));
  }

  /** Fails early, with a clear message, where wrk is missing. */
  static void requireInstalled() {
    List<String> command = new ArrayList<>(List.of("wrk", "--version"));
    try {
      new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("wrk is not installed (bench/run installs Debian's package: apt-get install wrk)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
