package io.nfttraders.custody.internal;

import io.nfttraders.signer.SigningAudit;
import io.nfttraders.signer.SigningAuditRecord;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every signing decision, granted or refused, lands in {@code signing_audit}; never key material.
 * A refusal commits on its own: it usually rolls back the caller's transaction, and its record
 * must survive that. A granted signature is recorded in the caller's transaction when there is
 * one: the signed transaction is stored (and can only be broadcast) if that commits, so the two
 * stand or fall together, and the pipeline saves a commit (a WAL fsync) per signature.
 */
final class JdbcSigningAudit implements SigningAudit {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  JdbcSigningAudit(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void record(SigningAuditRecord r) {
    if (r.signed() && TransactionSynchronizationManager.isActualTransactionActive()) {
      insert(r);
    } else {
      ownTransaction.executeWithoutResult(s -> insert(r));
    }
  }

  private void insert(SigningAuditRecord r) {
    jdbc.sql("""
            insert into signing_audit
              (at, wallet_index, address, kind, chain_id, target, nonce, payload_hash, requested_by, reason, signed, refusal)
            values (:at, :wallet, :address, :kind, :chainId, :target, :nonce, :payloadHash, :requestedBy, :reason, :signed, :refusal)
            """)
        .param("at", Timestamp.from(r.at()))
        .param("wallet", r.wallet().index())
        .param("address", r.address())
        .param("kind", r.kind())
        .param("chainId", r.chainId())
        .param("target", r.target())
        .param("nonce", r.nonce())
        .param("payloadHash", r.payloadHash())
        .param("requestedBy", r.requestedBy())
        .param("reason", r.reason())
        .param("signed", r.signed())
        .param("refusal", r.refusal())
        .update();
  }
}
