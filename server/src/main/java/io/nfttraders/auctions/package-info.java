/**
 * Live auctions: reserve (Foundation-style), timed English and Dutch, with bids decided strictly in
 * arrival order by one sequencer per auction and made durable in the auction's event log before
 * they are answered.
 *
 * <p>The log is an append-only sequence of events per auction (gap-free sequence numbers, the
 * primary key), the shape of a Kafka topic partitioned by auction id; on the embedded default it is
 * a PostgreSQL table written in group commits. An auction's state is a fold of its log, so a restart
 * (or another instance) rebuilds exactly what was answered. Settlement goes through the exchange:
 * the winning bid becomes a WETH offer the seller's wallet accepts.
 */
@NullMarked
package io.nfttraders.auctions;

import org.jspecify.annotations.NullMarked;
