package io.nfttraders.signer;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An EIP-1559 (type 2) transaction to sign. Legacy and other transaction types are deliberately
 * unsupported: one type means one encoding to audit.
 *
 * <p>The constructor checks shape (ranges, formats); whether the transaction may be signed at all
 * is the {@link SigningPolicy}'s call, made and audited by the {@link Signer}.
 *
 * @param to recipient address, or {@code null} for contract creation
 * @param requestedBy who asked (user id, job name); goes to the audit trail
 * @param reason why (e.g. "list token 42"); goes to the audit trail
 */
public record TransactionRequest(
        WalletId wallet,
        long chainId,
        BigInteger nonce,
        BigInteger gasLimit,
        @Nullable String to,
        BigInteger valueWei,
        byte[] data,
        BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas,
        String requestedBy,
        String reason) {

    public TransactionRequest {
        Objects.requireNonNull(wallet, "wallet");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive");
        }
        Checks.unsigned(nonce, 64, "nonce"); // EIP-2681 caps nonces at 2^64-1
        Checks.unsigned(gasLimit, 64, "gasLimit");
        if (gasLimit.signum() == 0) {
            throw new IllegalArgumentException("gasLimit must be positive");
        }
        if (to != null) {
            Checks.address(to, "to");
        }
        Checks.unsigned(valueWei, 256, "valueWei");
        Objects.requireNonNull(data, "data");
        data = data.clone();
        Checks.unsigned(maxPriorityFeePerGas, 256, "maxPriorityFeePerGas");
        Checks.unsigned(maxFeePerGas, 256, "maxFeePerGas");
        Checks.text(requestedBy, "requestedBy");
        Checks.text(reason, "reason");
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public boolean isContractCreation() {
        return to == null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TransactionRequest r
                && wallet.equals(r.wallet)
                && chainId == r.chainId
                && nonce.equals(r.nonce)
                && gasLimit.equals(r.gasLimit)
                && Objects.equals(to, r.to)
                && valueWei.equals(r.valueWei)
                && Arrays.equals(data, r.data)
                && maxPriorityFeePerGas.equals(r.maxPriorityFeePerGas)
                && maxFeePerGas.equals(r.maxFeePerGas)
                && requestedBy.equals(r.requestedBy)
                && reason.equals(r.reason);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(wallet, chainId, nonce, gasLimit, to, valueWei, maxPriorityFeePerGas,
                        maxFeePerGas, requestedBy, reason)
                + Arrays.hashCode(data);
    }

    /** Shows the function selector and size of {@code data} rather than the whole calldata. */
    @Override
    public String toString() {
        return "TransactionRequest[wallet=" + wallet.index() + ", chainId=" + chainId + ", nonce=" + nonce
                + ", gasLimit=" + gasLimit + ", to=" + (to == null ? "<contract creation>" : to)
                + ", valueWei=" + valueWei + ", data=" + Checks.preview(data, 4)
                + ", maxPriorityFeePerGas=" + maxPriorityFeePerGas + ", maxFeePerGas=" + maxFeePerGas
                + ", requestedBy=" + requestedBy + ", reason=" + reason + "]";
    }
}
