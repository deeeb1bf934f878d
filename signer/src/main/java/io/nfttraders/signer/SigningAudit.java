package io.nfttraders.signer;

/**
 * Receives one record per signing request, signed or refused; the server persists them.
 *
 * <p>Called synchronously before a signature is released. If {@link #record} throws, the signer
 * withholds the signature (fails closed): an unaudited signature must not exist. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface SigningAudit {

    void record(SigningAuditRecord record);
}
