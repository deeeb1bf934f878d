package io.nfttraders.custody.internal;

import io.nfttraders.signer.SigningAudit;
import io.nfttraders.signer.SigningAuditRecord;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every signing decision, granted or refused, lands in {@code signing_audit}; never key material. */
final class JdbcSigningAudit implements SigningAudit {

  private final JdbcClient jdbc;

  JdbcSigningAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(SigningAuditRecord r) {
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
