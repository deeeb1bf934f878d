package io.nfttraders.auctions.internal;

import io.nfttraders.accounts.CurrentUser;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The caller's notifications (newest first, marked read up to an id) and webhooks. */
@RestController
class NotificationsController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Notification(long id, String kind, UUID auctionId, long seq, JsonNode data, Instant createdAt, @Nullable Instant readAt) {}

  record WebhookRequest(@Nullable String url) {}

  record ReadRequest(@Nullable Long upToId) {}

  private final JdbcClient jdbc;
  private final Webhooks webhooks;
  private final Clock clock;

  NotificationsController(JdbcClient jdbc, Webhooks webhooks, Clock clock) {
    this.jdbc = jdbc;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /** Newest first; {@code before} (an id) pages back, {@code unread} leaves out what was read. */
  @GetMapping("/api/v1/user/notifications")
  List<Notification> notifications(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable Long before,
      @RequestParam(defaultValue = "false") boolean unread, Authentication authentication) {
    return jdbc.sql("""
            select id, kind, auction_id, seq, body::text, created_at, read_at from notifications
            where user_id = :user and id < :before and (not :unread or read_at is null) order by id desc limit :limit
            """)
        .param("user", CurrentUser.id(authentication)).param("before", before == null ? Long.MAX_VALUE : before)
        .param("unread", unread).param("limit", Math.clamp(limit, 1, 200))
        .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getLong(4), JSON.readTree(rs.getString(5)),
            rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
        .list();
  }

  @PostMapping("/api/v1/user/notifications/read")
  Map<String, Integer> markRead(@RequestBody ReadRequest request, Authentication authentication) {
    if (request.upToId() == null) {
      throw new AuctionProblems.InvalidInput("upToId (the newest notification id read) is required");
    }
    int marked = jdbc.sql("update notifications set read_at = :now where user_id = :user and id <= :upTo and read_at is null")
        .param("now", Timestamp.from(clock.instant())).param("user", CurrentUser.id(authentication)).param("upTo", request.upToId())
        .update();
    return Map.of("marked", marked);
  }

  /** 201 with the webhook and its signing secret, which is shown this once. */
  @PostMapping("/api/v1/user/webhooks")
  ResponseEntity<Webhooks.Registered> register(@RequestBody WebhookRequest request, Authentication authentication) {
    Webhooks.Registered registered = webhooks.register(CurrentUser.id(authentication), request.url());
    return ResponseEntity.created(URI.create("/api/v1/user/webhooks/" + registered.id())).body(registered);
  }

  @GetMapping("/api/v1/user/webhooks")
  List<Webhooks.Registered> webhooks(Authentication authentication) {
    return webhooks.of(CurrentUser.id(authentication));
  }

  @DeleteMapping("/api/v1/user/webhooks/{id}")
  ResponseEntity<Void> delete(@PathVariable UUID id, Authentication authentication) {
    if (!webhooks.delete(CurrentUser.id(authentication), id)) {
      throw new AuctionProblems.WebhookNotFound(id.toString());
    }
    return ResponseEntity.noContent().build();
  }
}
