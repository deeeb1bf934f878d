package io.nfttraders.accounts.internal;

import io.nfttraders.accounts.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import com.nimbusds.jose.jwk.RSAKey;

@RestController
class AuthController {

  record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {}

  record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {}

  record SignUpResponse(UUID userId, String email, String walletAddress) {}

  private final Accounts accounts;
  private final Map<String, Object> publicJwks;

  AuthController(Accounts accounts, RSAKey signingKey) {
    this.accounts = accounts;
    this.publicJwks = JwtKeys.publicSet(signingKey).toJSONObject();
  }

  @PostMapping("/api/v1/auth/signup")
  ResponseEntity<SignUpResponse> signUp(@Valid @RequestBody Credentials body) {
    Accounts.SignedUp signedUp = accounts.signUp(body.email(), body.password());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new SignUpResponse(signedUp.user().id(), signedUp.user().email(), signedUp.wallet().address().checksummed()));
  }

  @PostMapping("/api/v1/auth/login")
  TokenPair login(@Valid @RequestBody Credentials body, HttpServletRequest request) {
    // none once the client's connection has closed; the attempt still counts against the email
    String clientIp = Objects.requireNonNullElse(request.getRemoteAddr(), "unknown");
    return accounts.login(body.email(), body.password(), clientIp);
  }

  @PostMapping("/api/v1/auth/refresh")
  TokenPair refresh(@Valid @RequestBody RefreshRequest body) {
    return accounts.refresh(body.refreshToken());
  }

  @PostMapping("/api/v1/auth/logout")
  ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest body, Authentication authentication) {
    accounts.logout(CurrentUser.id(authentication), body.refreshToken());
    return ResponseEntity.noContent().build();
  }

  /** Public keys that verify our access tokens (RFC 7517). */
  @GetMapping("/.well-known/jwks.json")
  Map<String, Object> jwks() {
    return publicJwks;
  }
}
