package io.nfttraders.signer.internal;

import io.nfttraders.signer.Signer;
import io.nfttraders.signer.SigningAudit;
import io.nfttraders.signer.SigningPolicy;
import java.time.Clock;

/** Builds the signer from a plaintext seed. Used by {@code SeedVault}; not API. */
public final class SignerFactory {

    private SignerFactory() {}

    /** Does not keep {@code seed}; the caller wipes it. */
    public static Signer create(byte[] seed, SigningPolicy policy, SigningAudit audit, Clock clock) {
        return new DefaultSigner(new KeyRing(seed), policy, audit, clock);
    }
}
