package io.nfttraders.auctions.internal;

import io.nfttraders.platform.GuardedHttpClient;
import io.nfttraders.platform.WorkerLoop;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * POSTs pending notifications to their webhooks, at least once: a delivery is leased (its next
 * attempt pushed out) before the request, so another instance does not send it meanwhile, and it is
 * DELIVERED on a 2xx answer. Otherwise it is tried again after 1 s, 2 s, 4 s... (at most an hour
 * apart) and given up (FAILED) after the configured attempts. Each request carries
 * {@code X-NFT-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} under the webhook's
 * secret, and the notification's id for de-duplication. Each connection is checked by the webhooks'
 * address guard on the addresses it is made to, so a host that resolved to a public address at
 * registration cannot be pointed inside our network later; a redirect is not followed.
 */
@Component
class WebhookDelivery implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final int BATCH = 20;

  private record Due(long id, UUID webhook, String url, byte[] sealedSecret, long notification, int attempts, String body) {}

  private final JdbcClient jdbc;
  private final Webhooks webhooks;
  private final WebhookProperties properties;
  private final Clock clock;
  private final GuardedHttpClient http;
  private final WorkerLoop loop;

  WebhookDelivery(JdbcClient jdbc, Webhooks webhooks, WebhookProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.webhooks = webhooks;
    this.properties = properties;
    this.clock = clock;
    this.http = new GuardedHttpClient(properties.guard(), properties.timeout(), properties.timeout());
    this.loop = new WorkerLoop("webhook-delivery", this::deliverDue, Duration.ofMillis(500));
  }

  /** New deliveries were committed (or are about to be): look now rather than at the next poll. */
  void wake() {
    loop.wake();
  }

  private int deliverDue() {
    Instant now = clock.instant();
    // the lease: while this instance tries, the row is not due for anyone else
    List<Due> due = jdbc.sql("""
            update webhook_deliveries d set next_attempt_at = :lease
            from webhooks w, notifications n
            where d.id in (select id from webhook_deliveries where state = 'PENDING' and next_attempt_at <= :now
                           order by next_attempt_at limit :batch for update skip locked)
              and w.id = d.webhook_id and n.id = d.notification_id
            returning d.id, w.id, w.url, w.secret_sealed, n.id, d.attempts,
              json_build_object('id', n.id, 'kind', n.kind, 'auctionId', n.auction_id, 'seq', n.seq, 'createdAt', n.created_at,
                'data', n.body)::text
            """)
        .param("lease", Timestamp.from(now.plus(properties.timeout().multipliedBy(3))))
        .param("now", Timestamp.from(now))
        .param("batch", BATCH)
        .query((rs, n) -> new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBytes(4), rs.getLong(5), rs.getInt(6),
            rs.getString(7)))
        .list();
    due.forEach(this::deliver);
    return due.size();
  }

  private void deliver(Due d) {
    String failure;
    try {
      // its address is checked by the client when it connects
      URI target = Webhooks.wellFormedUrl(d.url());
      long timestamp = clock.instant().getEpochSecond();
      int status = http.postJson(target, Map.of(
          "User-Agent", "nft-traders-webhooks/1",
          "X-NFT-Notification-Id", Long.toString(d.notification()),
          "X-NFT-Signature", "t=" + timestamp + ",v1=" + sign(webhooks.secret(d.sealedSecret()), timestamp + "." + d.body())), d.body());
      if (status / 100 == 2) {
        jdbc.sql("update webhook_deliveries set state = 'DELIVERED', attempts = attempts + 1, delivered_at = :now, last_error = null where id = :id")
            .param("now", Timestamp.from(clock.instant())).param("id", d.id()).update();
        log.info("webhook delivered deliveryId={} webhookId={} notificationId={} attempt={}", d.id(), d.webhook(), d.notification(), d.attempts() + 1);
        return;
      }
      failure = "answered " + status;
    } catch (AuctionProblems.InvalidWebhook e) {
      failure = e.getMessage();
    } catch (IOException e) {
      // AddressRefused too: by the next attempt the host may resolve elsewhere, as a receiver that is down may come back
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    int attempts = d.attempts() + 1;
    boolean givenUp = attempts >= properties.maxAttempts();
    Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    jdbc.sql("update webhook_deliveries set state = :state, attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
        .param("state", givenUp ? "FAILED" : "PENDING").param("attempts", attempts)
        .param("next", Timestamp.from(clock.instant().plus(wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait)))
        .param("error", failure).param("id", d.id())
        .update();
    log.warn("webhook delivery failed deliveryId={} webhookId={} attempt={} givenUp={} reason={}", d.id(), d.webhook(), attempts, givenUp, failure);
  }

  static String sign(byte[] secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }

  /** After {@link #stop}: the context may start the loop again until then. */
  @Override
  public void destroy() {
    http.close();
  }
}
