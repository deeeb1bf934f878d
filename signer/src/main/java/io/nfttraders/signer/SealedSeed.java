package io.nfttraders.signer;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The master seed under envelope encryption (see {@link SeedVault}); safe to store anywhere, useless
 * without the key-encryption key.
 */
public record SealedSeed(byte[] ciphertext) {

    public SealedSeed {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length == 0) {
            throw new IllegalArgumentException("ciphertext must not be empty");
        }
        ciphertext = ciphertext.clone(); // records are shallowly immutable; make this one deeply so
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Convenience for storing the sealed seed in a text column or an environment variable. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    public static SealedSeed fromBase64(String base64) {
        return new SealedSeed(Base64.getDecoder().decode(base64.strip()));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SealedSeed other && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    /** Ciphertext is not secret, but logs are no place for it: show only its size. */
    @Override
    public String toString() {
        return "SealedSeed[" + ciphertext.length + " bytes]";
    }
}
