package io.nfttraders.accounts.internal;

import io.nfttraders.accounts.Role;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.platform.UnicodeText;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, login, refresh and logout. Passwords are Argon2id hashes; nothing else is kept of them. */
@Service
class Accounts {

  private static final Logger log = LoggerFactory.getLogger(Accounts.class);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  /** @param email null for a self-custody account, which has its {@code address} instead (and no password) */
  record User(UUID id, @Nullable String email, @Nullable String passwordHash, Role role, @Nullable String address) {}

  record SignedUp(User user, Wallet wallet) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final CustodialWallets wallets;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final LoginThrottle throttle;
  private final AuthProperties properties;
  private final Clock clock;
  private final String dummyHash;

  Accounts(JdbcClient jdbc, PasswordEncoder passwords, CustodialWallets wallets, AccessTokens accessTokens,
      RefreshTokens refreshTokens, LoginThrottle throttle, AuthProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.wallets = wallets;
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.throttle = throttle;
    this.properties = properties;
    this.clock = clock;
    // Unknown emails still cost one Argon2 verification, so timing does not reveal who has an account.
    this.dummyHash = passwords.encode("not-a-real-password-" + UUID.randomUUID());
  }

  static String normalizeEmail(String email) {
    // checked before trimming, which would drop a trailing NUL or control character
    if (UnicodeText.defect(email).isPresent()) {
      throw new AuthProblems.InvalidEmail();
    }
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches() || normalized.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new AuthProblems.InvalidEmail();
    }
    return normalized;
  }

  /** The user row and the custodial wallet are created in one transaction: no user without a wallet. */
  @Transactional
  SignedUp signUp(String rawEmail, String password) {
    String email = normalizeEmail(rawEmail);
    PasswordPolicy.check(password, email);
    Role role = properties.isAdminEmail(email) ? Role.ADMIN : Role.USER;
    User user = new User(UUID.randomUUID(), email, passwords.encode(password), role, null);
    try {
      jdbc.sql("insert into users (id, email, password_hash, role) values (:id, :email, :hash, :role)")
          .param("id", user.id())
          .param("email", user.email())
          .param("hash", user.passwordHash())
          .param("role", user.role().name())
          .update();
    } catch (DuplicateKeyException e) {
      throw new AuthProblems.EmailAlreadyRegistered();
    }
    Wallet wallet = wallets.openWallet(user.id());
    log.info("user signed up userId={} role={}", user.id(), role);
    return new SignedUp(user, wallet);
  }

  /**
   * One transaction per attempt, serialised per email by the throttle's lock so that parallel
   * guesses cannot all pass the check before any failure is counted; it commits even when the
   * credentials are wrong, because the failure must be recorded.
   */
  @Transactional(noRollbackFor = AuthProblems.InvalidCredentials.class)
  TokenPair login(String rawEmail, String password, String clientIp) {
    String email = normalizeEmail(rawEmail);
    PasswordPolicy.checkHashable(password);
    throttle.checkAllowed(email, clientIp);
    Optional<User> user = findByEmail(email);
    boolean matches = passwords.matches(password, user.map(User::passwordHash).orElse(dummyHash));
    if (user.isEmpty() || !matches) {
      throttle.recordFailure(email, clientIp);
      throw new AuthProblems.InvalidCredentials();
    }
    throttle.recordSuccess(email);
    return tokensFor(user.get(), UUID.randomUUID());
  }

  @Transactional(noRollbackFor = AuthProblems.InvalidRefreshToken.class)
  TokenPair refresh(String refreshToken) {
    RefreshTokens.Spent spent = refreshTokens.spend(refreshToken);
    User user = findById(spent.userId()).orElseThrow(() -> new AuthProblems.InvalidRefreshToken("Account no longer exists"));
    return tokensFor(user, spent.familyId());
  }

  /** Ends the login the refresh token belongs to; only its owner may do that. */
  @Transactional
  void logout(UUID caller, String refreshToken) {
    RefreshTokens.Spent owner = refreshTokens.peek(refreshToken).orElseThrow(() -> new AuthProblems.InvalidRefreshToken("Unknown refresh token"));
    if (!owner.userId().equals(caller)) {
      throw new AuthProblems.NotYourToken();
    }
    refreshTokens.revokeFamily(owner.familyId());
  }

  /**
   * Tokens for the self-custody account of this address (lower-case), which is opened on its first
   * sign-in; it has no custodial wallet, so nothing is ever signed for it by the server.
   */
  @Transactional
  TokenPair signInSelfCustody(String address) {
    jdbc.sql("""
            insert into users (id, email, password_hash, role, address) values (:id, null, null, 'SELF_CUSTODY', :address)
            on conflict (address) where address is not null do nothing
            """)
        .param("id", UUID.randomUUID()).param("address", address).update();
    User user = jdbc.sql("select id, email, password_hash, role, address from users where address = :address").param("address", address)
        .query(Accounts::user).single();
    return tokensFor(user, UUID.randomUUID());
  }

  Optional<User> findById(UUID id) {
    return jdbc.sql("select id, email, password_hash, role, address from users where id = :id").param("id", id).query(Accounts::user).optional();
  }

  private Optional<User> findByEmail(String email) {
    return jdbc.sql("select id, email, password_hash, role, address from users where lower(email) = :email").param("email", email)
        .query(Accounts::user).optional();
  }

  private TokenPair tokensFor(User user, UUID familyId) {
    String access = accessTokens.issue(user.id(), user.role(), user.address());
    RefreshTokens.Issued refresh = refreshTokens.issue(user.id(), familyId);
    return new TokenPair(access, "Bearer", properties.accessTokenTtl().toSeconds(), refresh.token(),
        Duration.between(clock.instant(), refresh.expiresAt()).toSeconds());
  }

  private static User user(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new User(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5));
  }
}
