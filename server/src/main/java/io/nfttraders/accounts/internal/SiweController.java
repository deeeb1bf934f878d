package io.nfttraders.accounts.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign-In with Ethereum: a nonce to put in the message, then the signed message for the account's tokens. */
@RestController
class SiweController {

  record Nonce(String nonce, Instant expiresAt) {}

  /** @param message the EIP-4361 text exactly as signed; @param signature its EIP-191 signature (or a contract wallet's), hex */
  record SignIn(@NotBlank @Size(max = 8_192) String message, @NotBlank @Size(max = 8_194) String signature) {}

  private final SiweNonces nonces;
  private final SignInWithEthereum siwe;

  SiweController(SiweNonces nonces, SignInWithEthereum siwe) {
    this.nonces = nonces;
    this.siwe = siwe;
  }

  @GetMapping("/api/v1/auth/siwe/nonce")
  Nonce nonce() {
    SiweNonces.Issued issued = nonces.issue();
    return new Nonce(issued.nonce(), issued.expiresAt());
  }

  @PostMapping("/api/v1/auth/siwe")
  TokenPair signIn(@Valid @RequestBody SignIn body) {
    return siwe.signIn(body.message(), body.signature());
  }
}
