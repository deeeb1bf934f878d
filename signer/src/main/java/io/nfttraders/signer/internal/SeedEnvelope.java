package io.nfttraders.signer.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.nfttraders.signer.KeyEncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Envelope encryption of the master seed: a fresh AES256-GCM data key per sealing, wrapped by the
 * key-encryption key. Used by {@code SeedVault}; not API.
 */
public final class SeedEnvelope {

    /** Binds the ciphertext to its purpose and format version; changing it orphans existing seeds. */
    private static final byte[] ASSOCIATED_DATA = "nft-traders/master-seed/v1".getBytes(StandardCharsets.US_ASCII);

    private SeedEnvelope() {}

    public static byte[] seal(byte[] seed, KeyEncryptionKey kek) {
        try {
            return envelope(kek).encrypt(seed, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal the master seed with " + kek.describe(), e);
        }
    }

    /** Returns the plaintext seed; the caller must wipe it. */
    public static byte[] unseal(byte[] ciphertext, KeyEncryptionKey kek) {
        try {
            return envelope(kek).decrypt(ciphertext, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not unseal the master seed with " + kek.describe()
                    + " (wrong key-encryption key, tampered ciphertext, or KMS unavailable)", e);
        }
    }

    private static Aead envelope(KeyEncryptionKey kek) throws GeneralSecurityException {
        TinkSetup.ensureRegistered();
        return KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kek.aead());
    }
}
