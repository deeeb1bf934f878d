package io.nfttraders.accounts.internal;

import io.nfttraders.platform.ApiProblem;
import io.nfttraders.platform.TooManyRequests;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The ways sign-up, login and token refresh fail, each a fact with its own problem type. */
final class AuthProblems {

  private AuthProblems() {}

  static final class EmailAlreadyRegistered extends ApiProblem {
    EmailAlreadyRegistered() {
      super(HttpStatus.CONFLICT, "email-already-registered", "Email already registered", "An account with this email already exists");
    }
  }

  static final class WeakPassword extends ApiProblem {
    WeakPassword(String why) {
      super(HttpStatus.BAD_REQUEST, "weak-password", "Password too weak", why);
    }
  }

  static final class MalformedPassword extends ApiProblem {
    MalformedPassword() {
      super(HttpStatus.BAD_REQUEST, "invalid-password", "Invalid password",
          "A password is well-formed Unicode text without control characters (no lone surrogates, no NUL)");
    }
  }

  static final class InvalidEmail extends ApiProblem {
    InvalidEmail() {
      super(HttpStatus.BAD_REQUEST, "invalid-email", "Invalid email", "The email address is not valid");
    }
  }

  static final class InvalidCredentials extends ApiProblem {
    InvalidCredentials() {
      super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", "Email or password is wrong");
    }
  }

  static final class InvalidRefreshToken extends ApiProblem {
    InvalidRefreshToken(String detail) {
      super(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token", detail);
    }
  }

  static final class AccountNotFound extends ApiProblem {
    AccountNotFound() {
      super(HttpStatus.UNAUTHORIZED, "account-not-found", "Account not found", "The account of this token no longer exists");
    }
  }

  static final class NotYourToken extends ApiProblem {
    NotYourToken() {
      super(HttpStatus.FORBIDDEN, "not-your-token", "Not your token", "This refresh token belongs to another account");
    }
  }

  static final class TooManyLoginAttempts extends TooManyRequests {
    TooManyLoginAttempts(Duration retryAfter) {
      super("too-many-login-attempts", "Too many login attempts", "Too many failed logins; try again later", retryAfter);
    }
  }

  static final class InvalidSiweMessage extends ApiProblem {
    InvalidSiweMessage(String why) {
      super(HttpStatus.BAD_REQUEST, "invalid-siwe-message", "Invalid Sign-In with Ethereum message", why);
    }
  }

  /** A well-formed sign-in that is not accepted: wrong domain or chain, a used or unknown nonce, expired, or not signed by its address. */
  static final class SiweRefused extends ApiProblem {
    SiweRefused(String why) {
      super(HttpStatus.UNAUTHORIZED, "siwe-refused", "Sign-in refused", why);
    }
  }
}
