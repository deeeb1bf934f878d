package io.nfttraders.signer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One signing request as the audit trail sees it. Holds no key material and not the signed
 * payload itself, only its hash.
 *
 * @param address EIP-55 address of {@code wallet}
 * @param kind {@link #TRANSACTION}, {@link #PERSONAL_MESSAGE} or {@link #TYPED_DATA}
 * @param chainId the transaction's chain, or the EIP-712 domain's chain if it names one
 * @param target the transaction's recipient (null for contract creation), or the EIP-712 domain's
 *     verifying contract if it names one
 * @param nonce the transaction nonce; null for messages
 * @param payloadHash 0x-hex keccak-256 of what was (or would have been) signed: the unsigned
 *     EIP-2718 transaction encoding, the EIP-191 prefixed message, or the EIP-712 digest. For typed
 *     data too malformed to digest it is the keccak-256 of the JSON's UTF-8 bytes.
 * @param refusal null when signed; otherwise the refusal reason and detail
 */
public record SigningAuditRecord(
        Instant at,
        WalletId wallet,
        String address,
        String kind,
        @Nullable Long chainId,
        @Nullable String target,
        @Nullable BigInteger nonce,
        String payloadHash,
        String requestedBy,
        String reason,
        boolean signed,
        @Nullable String refusal) {

    public static final String TRANSACTION = "TRANSACTION";
    public static final String PERSONAL_MESSAGE = "PERSONAL_MESSAGE";
    public static final String TYPED_DATA = "TYPED_DATA";
    private static final Set<String> KINDS = Set.of(TRANSACTION, PERSONAL_MESSAGE, TYPED_DATA);

    public SigningAuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(wallet, "wallet");
        Checks.address(address, "address");
        if (!KINDS.contains(Objects.requireNonNull(kind, "kind"))) {
            throw new IllegalArgumentException("kind must be one of " + KINDS);
        }
        Checks.hexOfLength(payloadHash, 32, "payloadHash");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(reason, "reason");
        if (signed == (refusal != null)) {
            throw new IllegalArgumentException("a refusal reason is required exactly when not signed");
        }
    }
}
