package io.nfttraders.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for commands: the key is claimed, the work done and its answer stored
 * in one database transaction. A retry with the same key gets the stored answer and does nothing;
 * a concurrent duplicate waits on the key's row lock until the first one commits. Reusing a key
 * for a different request is refused.
 */
@Component
public class IdempotentRequests {

  public record Answer<T>(int status, T body) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json = JsonMapper.builder().build();

  IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** A request's fingerprint from its parts (an upload's files and fields): the SHA-256 of their SHA-256s, in order. */
  public static String fingerprint(List<byte[]> parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(MessageDigest.getInstance("SHA-256").digest(part));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Runs {@code work} at most once per (user, key). Without a key, just runs it in a transaction.
   *
   * @param fingerprint identifies the request's content (e.g. a hash of its body)
   */
  public <T> Answer<T> run(UUID user, @Nullable String key, String fingerprint, Class<T> type, Supplier<Answer<T>> work) {
    if (key == null) {
      return transactions.execute(s -> work.get());
    }
    checkKey(key);
    return transactions.execute(s -> {
      int claimed = jdbc.sql("insert into idempotency_keys (user_id, key, fingerprint) values (:user, :key, :fp) on conflict do nothing")
          .param("user", user).param("key", key).param("fp", fingerprint).update();
      if (claimed == 0) {
        return previousAnswer(user, key, fingerprint, type);
      }
      Answer<T> answer = work.get();
      jdbc.sql("update idempotency_keys set status = :status, body = :body where user_id = :user and key = :key")
          .param("status", answer.status()).param("body", json.writeValueAsString(answer.body())).param("user", user).param("key", key).update();
      return answer;
    });
  }

  /**
   * The answer already given to this key, for work that must not even be prepared twice (e.g.
   * content stored before {@link #run}); empty if the key is new. A retry racing the first use
   * still gets exactly one answer from {@link #run}.
   *
   * @throws IdempotencyKeyReused if the key was used for a different request
   */
  public <T> Optional<Answer<T>> previous(UUID user, @Nullable String key, String fingerprint, Class<T> type) {
    if (key == null) {
      return Optional.empty();
    }
    checkKey(key);
    boolean claimed = jdbc.sql("select count(*) from idempotency_keys where user_id = :user and key = :key")
        .param("user", user).param("key", key).query(Long.class).single() > 0;
    return claimed ? Optional.of(previousAnswer(user, key, fingerprint, type)) : Optional.empty();
  }

  private static void checkKey(String key) {
    if (key.isBlank() || key.length() > 200) {
      throw new InvalidIdempotencyKey();
    }
  }

  private <T> Answer<T> previousAnswer(UUID user, String key, String fingerprint, Class<T> type) {
    record Stored(String fingerprint, @Nullable Integer status, @Nullable String body) {}
    Stored stored = jdbc.sql("select fingerprint, status, body from idempotency_keys where user_id = :user and key = :key")
        .param("user", user).param("key", key)
        .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
        .single();
    if (!stored.fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReused();
    }
    return Optional.ofNullable(stored.body())
        .map(body -> new Answer<>(stored.status(), json.readValue(body, type)))
        .orElseThrow(IdempotencyKeyReused::new);
  }

  static final class InvalidIdempotencyKey extends ApiProblem {
    InvalidIdempotencyKey() {
      super(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key", "An Idempotency-Key must have 1 to 200 characters");
    }
  }

  static final class IdempotencyKeyReused extends ApiProblem {
    IdempotencyKeyReused() {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
          "This Idempotency-Key was already used for a different request");
    }
  }
}
