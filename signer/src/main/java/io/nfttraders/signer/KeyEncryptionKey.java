package io.nfttraders.signer;

import com.google.crypto.tink.Aead;

/**
 * The key that wraps the master seed's data-encryption key: a local Tink keyset or a cloud KMS
 * key. Obtain one from {@link KeyEncryptionKeys}.
 */
public interface KeyEncryptionKey {

    Aead aead();

    /** Where the key lives, for logs and errors, e.g. {@code "local keyset /data/kek.json"}; never key material. */
    String describe();
}
