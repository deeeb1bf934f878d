package io.nfttraders.signer;

import java.io.Serial;
import java.util.Objects;

/**
 * The signer declined a request. Always thrown after the refusal was audited. The message names
 * the rule that failed and never contains key material.
 */
public final class SigningRefused extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Reason {
        CHAIN_NOT_ALLOWED,
        CONTRACT_NOT_ALLOWED,
        CONTRACT_CREATION_NOT_ALLOWED,
        VALUE_TRANSFER_NOT_ALLOWED,
        GAS_LIMIT_NOT_ALLOWED,
        RATE_LIMITED,
        INVALID_REQUEST
    }

    private final Reason reason;

    public SigningRefused(Reason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + Objects.requireNonNull(detail, "detail"));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
