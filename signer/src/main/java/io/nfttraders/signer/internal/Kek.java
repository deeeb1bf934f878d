package io.nfttraders.signer.internal;

import com.google.crypto.tink.Aead;
import io.nfttraders.signer.KeyEncryptionKey;

/** A key-encryption key whose string form is its description, never its material. */
record Kek(Aead aead, String describe) implements KeyEncryptionKey {

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + describe + "]";
    }
}
