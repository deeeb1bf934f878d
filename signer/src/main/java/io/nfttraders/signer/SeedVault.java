package io.nfttraders.signer;

import io.nfttraders.signer.internal.SeedEnvelope;
import io.nfttraders.signer.internal.SignerFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * Creates, imports and opens the sealed master seed.
 *
 * <p>The seed is sealed with Tink's {@code KmsEnvelopeAead}: a fresh AES256-GCM data key encrypts
 * the seed, and the {@link KeyEncryptionKey} wraps that data key. The associated data binds the
 * ciphertext to its purpose, so nothing else sealed under the same key can pass for a seed.
 */
public final class SeedVault {

    /** BIP-32 accepts 128 to 512-bit seeds; BIP-39 mnemonics yield 512. */
    public static final int MIN_SEED_BYTES = 16;
    public static final int MAX_SEED_BYTES = 64;
    private static final int GENERATED_SEED_BYTES = 64;

    private SeedVault() {}

    /** Generates a new random 64-byte master seed and returns it sealed; the plaintext is wiped. */
    public static SealedSeed generateSealed(KeyEncryptionKey kek) {
        byte[] seed = new byte[GENERATED_SEED_BYTES];
        try {
            new SecureRandom().nextBytes(seed);
            return seal(seed, kek);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Seals an existing master seed, e.g. the BIP-39 seed of a mnemonic being imported. The caller
     * keeps ownership of {@code seed} and should wipe it afterwards.
     */
    public static SealedSeed seal(byte[] seed, KeyEncryptionKey kek) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(kek, "kek");
        if (seed.length < MIN_SEED_BYTES || seed.length > MAX_SEED_BYTES) {
            throw new IllegalArgumentException(
                    "seed must be " + MIN_SEED_BYTES + " to " + MAX_SEED_BYTES + " bytes, was " + seed.length);
        }
        return new SealedSeed(SeedEnvelope.seal(seed, kek));
    }

    /**
     * Unseals the master seed and returns a signer holding the only copy of the derived keys.
     *
     * @throws IllegalStateException if the seed cannot be unsealed with {@code kek} (wrong key,
     *     tampered ciphertext, or KMS unreachable)
     */
    public static Signer open(
            SealedSeed sealed, KeyEncryptionKey kek, SigningPolicy policy, SigningAudit audit, Clock clock) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(kek, "kek");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        byte[] ciphertext = sealed.ciphertext();
        byte[] seed = SeedEnvelope.unseal(ciphertext, kek);
        try {
            return SignerFactory.create(seed, policy, audit, clock);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
