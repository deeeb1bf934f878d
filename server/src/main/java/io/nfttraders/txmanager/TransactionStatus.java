package io.nfttraders.txmanager;

public enum TransactionStatus {
  /** Accepted, waiting for a nonce and a signature. */
  QUEUED,
  /** Has its nonce and signature, stored, not yet accepted by the node. */
  SIGNED,
  /** Accepted by the node, waiting to be mined. */
  SENT,
  /** In a block, waiting for confirmations. */
  MINED,
  /** Enough blocks on top of it. */
  CONFIRMED,
  /** Reverted on-chain or refused for good. */
  FAILED
}
