package io.nfttraders.signer;

import java.util.Objects;

/**
 * An EIP-712 request in {@code eth_signTypedData_v4} JSON form ({@code types}, {@code primaryType},
 * {@code domain}, {@code message}). Parsing happens in the signer so a malformed document is
 * refused and audited like any other refusal.
 */
public record TypedDataRequest(WalletId wallet, String typedDataJson, String requestedBy, String reason) {

    /** A typed-data document far larger than any real order or permit is more likely abuse. */
    public static final int MAX_JSON_CHARS = 64 * 1024;

    public TypedDataRequest {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(typedDataJson, "typedDataJson");
        if (typedDataJson.isBlank() || typedDataJson.length() > MAX_JSON_CHARS) {
            throw new IllegalArgumentException("typedDataJson must be non-blank and at most " + MAX_JSON_CHARS + " chars");
        }
        Checks.text(requestedBy, "requestedBy");
        Checks.text(reason, "reason");
    }

    /** The JSON can be large; show only its size. */
    @Override
    public String toString() {
        return "TypedDataRequest[wallet=" + wallet.index() + ", typedDataJson=(" + typedDataJson.length()
                + " chars), requestedBy=" + requestedBy + ", reason=" + reason + "]";
    }
}
