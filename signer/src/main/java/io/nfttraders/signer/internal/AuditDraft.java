package io.nfttraders.signer.internal;

import io.nfttraders.signer.SigningAuditRecord;
import io.nfttraders.signer.SigningRefused;
import io.nfttraders.signer.WalletId;
import java.math.BigInteger;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Everything an audit record needs except the outcome, gathered before the policy is consulted. */
record AuditDraft(
        WalletId wallet,
        String address,
        String kind,
        @Nullable Long chainId,
        @Nullable String target,
        @Nullable BigInteger nonce,
        String payloadHash,
        String requestedBy,
        String reason) {

    SigningAuditRecord signed(Instant at) {
        return new SigningAuditRecord(at, wallet, address, kind, chainId, target, nonce, payloadHash,
                requestedBy, reason, true, null);
    }

    SigningAuditRecord refused(Instant at, SigningRefused refusal) {
        return new SigningAuditRecord(at, wallet, address, kind, chainId, target, nonce, payloadHash,
                requestedBy, reason, false, refusal.getMessage());
    }
}
