/**
 * The transaction manager: every chain write is a row in {@code chain_transactions} that moves
 * QUEUED -> SIGNED -> SENT -> MINED -> CONFIRMED (or FAILED), driven by one pipeline.
 *
 * <ul>
 *   <li>Nonces are allocated in the same database transaction that stores the signed
 *       transaction, under a per-sender row lock ({@code wallet_nonces}): gap-free, never reused,
 *       across threads, restarts and instances.
 *   <li>A signed transaction is durable before it is broadcast, so a crash at any point is
 *       repaired by broadcasting the same bytes again (same hash, harmless if already known).
 *   <li>Many transactions of one sender are in flight at once; nothing waits for a receipt
 *       before sending the next.
 *   <li>A transaction not mined in time is re-broadcast, then replaced at the same nonce with
 *       bumped fees; a receipt for any of its hashes settles it.
 * </ul>
 */
@NullMarked
package io.nfttraders.txmanager;

import org.jspecify.annotations.NullMarked;
