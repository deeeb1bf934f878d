package io.nfttraders.metadata.internal;

import io.nfttraders.content.ContentStore;
import io.nfttraders.content.ImageTooLarge;
import io.nfttraders.content.ImageValidation;
import io.nfttraders.content.UnsupportedImage;
import io.nfttraders.platform.WorkerLoop;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works through the queue: for each due token, its URI from the chain, the document it names, and
 * the image the document names, copied into our content store (so the page shows it from our
 * origin, sandboxed, like every image). Every step is bounded in bytes and time, so a hostile
 * server holds a fetch up to its deadline and no longer; fetches run side by side on virtual threads.
 * A round that starts fetches is followed by the next at once (the loop sleeps only when there was nothing to do).
 */
@Component
class MetadataFetcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MetadataFetcher.class);
  private static final Set<String> IMAGE_SCHEMES = Set.of("data", "ipfs", "https", "http");
  private static final int MAX_PROBLEM = 500;

  private record Image(@Nullable String cid, @Nullable String problem) {}

  private final MetadataRows rows;
  private final TokenUris uris;
  private final MetadataSources sources;
  private final ContentStore store;
  private final MetadataProperties properties;
  private final WorkerLoop loop;
  private final ExecutorService fetches = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore slots;

  MetadataFetcher(MetadataRows rows, TokenUris uris, MetadataSources sources, ContentStore store, MetadataProperties properties) {
    this.rows = rows;
    this.uris = uris;
    this.sources = sources;
    this.store = store;
    this.properties = properties;
    this.slots = new Semaphore(properties.concurrentFetches());
    this.loop = new WorkerLoop("metadata-fetcher", this::round, properties.poll());
  }

  /**
   * Starts as many due fetches as there are free slots, without waiting for them: a slow server
   * holds its own slot up to its deadline, never the others.
   */
  private int round() {
    int free = slots.availablePermits();
    if (free == 0) {
      return 0;
    }
    // the document and the image each take at most the deadline; a fetch outliving its lease is taken again
    Duration lease = properties.deadline().multipliedBy(3).plusSeconds(30);
    List<MetadataRows.Due> due = rows.claim(free, lease);
    for (MetadataRows.Due next : due) {
      slots.acquireUninterruptibly();
      fetches.submit(() -> {
        try {
          fetch(next);
        } catch (RuntimeException e) {
          // the lease runs out and the token is taken again; the worker goes on
          log.warn("metadata fetch failed unexpectedly token={}", next.token(), e);
        } finally {
          slots.release();
          loop.wake();
        }
      });
    }
    return due.size();
  }

  private void fetch(MetadataRows.Due due) {
    String uri = null;
    try {
      uri = uris.of(due.token(), due.standard());
      MetadataDocument document = MetadataDocument.parse(sources.read(uri, properties.maxDocumentBytes()));
      Image image = image(document.image());
      rows.fetched(due.token(), plain(uri), document, image.cid(), image.problem() == null ? null : plain(image.problem()));
      log.debug("metadata fetched token={} uri={} image={}", due.token(), uri, image.cid());
    } catch (FetchFailure failure) {
      int attempts = due.attempts() + 1;
      Duration retry = failure.isPassing() && attempts < properties.maxAttempts() ? properties.retryAfter(attempts) : null;
      rows.failed(due.token(), uri == null ? null : plain(uri), plain(failure.getMessage()), retry);
      log.info("metadata not fetched token={} attempt={} retryIn={} problem={}", due.token(), attempts, retry, failure.getMessage());
    }
  }

  /** The document's image in our store; none, with the reason, when it is missing, refused or unreadable. */
  private Image image(@Nullable String uri) {
    if (uri == null) {
      return new Image(null, null);
    }
    String scheme = MetadataSources.scheme(uri);
    if (!IMAGE_SCHEMES.contains(scheme)) {
      return new Image(null, "image refused: a URI of scheme '" + scheme + "'");
    }
    try {
      byte[] bytes = sources.read(uri, properties.maxImageBytes());
      return new Image(store.putFile(bytes, ImageValidation.detectImageType(bytes)).cid().value(), null);
    } catch (FetchFailure failure) {
      return new Image(null, "image: " + failure.getMessage());
    } catch (UnsupportedImage | ImageTooLarge refused) {
      return new Image(null, "image refused: " + refused.getMessage());
    }
  }

  /** Text for the database and the page: printable, and short. */
  private static String plain(String text) {
    return MetadataDocument.printable(text, MAX_PROBLEM, false);
  }

  @Override
  public void start() {
    if (properties.fetching()) {
      loop.start();
    }
  }

  @Override
  public void stop() {
    loop.stop(Duration.ofSeconds(5));
    fetches.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}
