package io.nfttraders.signer;

/**
 * Signs on behalf of wallets derived from one master seed, under a {@link SigningPolicy}, with
 * every request audited through {@link SigningAudit}. Obtain one from {@link SeedVault#open}.
 *
 * <p>Implementations are thread-safe. The sign methods throw {@link SigningRefused} when the policy
 * declines (after auditing the refusal) and {@link IllegalStateException} when the audit sink
 * fails (the signature is then withheld).
 */
public interface Signer {

    /** The wallet's EIP-55 address. Not audited: it reveals nothing the chain does not. */
    String address(WalletId wallet);

    SignedTransaction sign(TransactionRequest request);

    MessageSignature sign(PersonalMessageRequest request);

    MessageSignature sign(TypedDataRequest request);

    /** Replaces the policy for all subsequent requests, e.g. after our contracts are deployed. */
    void updatePolicy(SigningPolicy policy);

    SigningPolicy policy();
}
