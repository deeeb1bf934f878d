package io.nfttraders.custody;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Envelope encryption (AES-256-GCM data keys under the key-encryption key) for the server's other
 * secrets, e.g. the JWT signing key. The associated data binds a ciphertext to its purpose, so one
 * secret cannot be swapped for another.
 */
public final class SecretSealer {

  private final Aead envelope;

  public SecretSealer(Aead keyEncryptionKey) {
    try {
      this.envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, keyEncryptionKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up envelope encryption", e);
    }
  }

  public byte[] seal(byte[] secret, String purpose) {
    try {
      return envelope.encrypt(secret, purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal " + purpose, e);
    }
  }

  public byte[] open(byte[] sealed, String purpose) {
    try {
      return envelope.decrypt(sealed, purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open " + purpose + " (wrong key-encryption key or tampered data)", e);
    }
  }
}
