package io.nfttraders.custody.internal;

import io.nfttraders.signer.SigningAudit;
import io.nfttraders.signer.SigningAuditRecord;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every signing decision, granted or refused, lands in {@code signing_audit}; never key material.
 * A refusal commits on its own: it usually rolls back the caller's transaction, and its record
 * must survive that. A granted signature is recorded in the caller's transaction when there is
 * one: the signed transaction is stored (and can only be broadcast) if that commits, so the two
 * stand or fall together, and the pipeline saves a commit (a WAL fsync) per signature. Those
 * records are collected and written in one batch just before the caller's transaction commits,
 * so a pipeline step signing 200 transactions pays one round trip for their audit, not 200.
 */
final class JdbcSigningAudit implements SigningAudit {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  JdbcSigningAudit(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void record(SigningAuditRecord r) {
    if (r.signed() && TransactionSynchronizationManager.isActualTransactionActive()) {
      pendingInCallersTransaction().add(r);
    } else {
      ownTransaction.executeWithoutResult(s -> insert(List.of(r)));
    }
  }

  /** This transaction's granted signatures, inserted before it commits (and dropped if it rolls back). */
  @SuppressWarnings("unchecked")
  private List<SigningAuditRecord> pendingInCallersTransaction() {
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (List<SigningAuditRecord>) bound;
    }
    List<SigningAuditRecord> pending = new ArrayList<>();
    TransactionSynchronizationManager.bindResource(this, pending);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        insert(pending);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(JdbcSigningAudit.this);
      }
    });
    return pending;
  }

  private void insert(List<SigningAuditRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("""
            insert into signing_audit
              (at, wallet_index, address, kind, chain_id, target, nonce, payload_hash, requested_by, reason, signed, refusal)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, records, records.size(), (ps, r) -> {
          ps.setTimestamp(1, Timestamp.from(r.at()));
          ps.setLong(2, r.wallet().index());
          ps.setString(3, r.address());
          ps.setString(4, r.kind());
          ps.setObject(5, r.chainId(), Types.BIGINT);
          ps.setString(6, r.target());
          ps.setObject(7, r.nonce() == null ? null : new BigDecimal(r.nonce()), Types.NUMERIC);
          ps.setString(8, r.payloadHash());
          ps.setString(9, r.requestedBy());
          ps.setString(10, r.reason());
          ps.setBoolean(11, r.signed());
          ps.setString(12, r.refusal());
        });
  }
}
