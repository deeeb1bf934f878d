package io.nfttraders.signer;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An EIP-191 {@code personal_sign} request: the signer signs
 * {@code keccak256("\x19Ethereum Signed Message:\n" + len(message) + message)}.
 */
public record PersonalMessageRequest(WalletId wallet, byte[] message, String requestedBy, String reason) {

    public PersonalMessageRequest {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(message, "message");
        message = message.clone();
        Checks.text(requestedBy, "requestedBy");
        Checks.text(reason, "reason");
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PersonalMessageRequest r
                && wallet.equals(r.wallet)
                && Arrays.equals(message, r.message)
                && requestedBy.equals(r.requestedBy)
                && reason.equals(r.reason);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(wallet, requestedBy, reason) + Arrays.hashCode(message);
    }

    /** Messages may carry user data (e.g. login nonces); show only their size. */
    @Override
    public String toString() {
        return "PersonalMessageRequest[wallet=" + wallet.index() + ", message=(" + message.length
                + " bytes), requestedBy=" + requestedBy + ", reason=" + reason + "]";
    }
}
