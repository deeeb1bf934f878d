package io.nfttraders.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: too many failures for one email, or from one client address, within
 * the window answer 429 before the password is even checked. Kept in PostgreSQL so that restarts
 * and several instances share the count.
 */
@Component
class LoginThrottle {

  private final JdbcClient jdbc;
  private final AuthProperties properties;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, AuthProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Must run in the login's transaction: the per-email lock it takes is held until that commits. */
  void checkAllowed(String email, String clientIp) {
    jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(:key))").param("key", "login:" + email).query(Integer.class).single();
    Instant since = clock.instant().minus(properties.loginWindow());
    long byEmail = count("email", email, since);
    long byClient = count("client_ip", clientIp, since);
    if (byEmail >= properties.loginFailuresPerEmail() || byClient >= properties.loginFailuresPerClient()) {
      throw new AuthProblems.TooManyLoginAttempts(properties.loginWindow());
    }
  }

  void recordFailure(String email, String clientIp) {
    jdbc.sql("insert into login_failures (email, client_ip, at) values (:email, :ip, :at)")
        .param("email", email)
        .param("ip", clientIp)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  void recordSuccess(String email) {
    jdbc.sql("delete from login_failures where email = :email").param("email", email).update();
  }

  private long count(String column, String value, Instant since) {
    return jdbc.sql("select count(*) from login_failures where " + column + " = :value and at > :since")
        .param("value", value)
        .param("since", Timestamp.from(since))
        .query(Long.class)
        .single();
  }
}
