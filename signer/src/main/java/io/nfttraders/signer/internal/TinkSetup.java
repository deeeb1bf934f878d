package io.nfttraders.signer.internal;

import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;

/** Registers Tink's AEAD key managers exactly once, before any keyset or envelope is used. */
final class TinkSetup {

    private TinkSetup() {}

    static void ensureRegistered() {
        Holder.touch();
    }

    /** The JVM runs a class initializer once and thread-safely: the lazy-holder idiom. */
    private static final class Holder {
        static {
            try {
                AeadConfig.register();
            } catch (GeneralSecurityException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static void touch() {}
    }
}
