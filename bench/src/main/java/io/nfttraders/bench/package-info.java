/**
 * End-to-end benchmarks of the minting issue: each main class starts the packaged server as a
 * child process on a fresh data directory, drives it over HTTP on 127.0.0.1 like a client would,
 * measures its own baseline against the same anvil in the same run, prints a markdown table and
 * stops the server. Every loop is bounded in count and time.
 *
 * <ul>
 *   <li>{@link io.nfttraders.bench.MintThroughput}: single mints to CONFIRMED vs a naive send-and-wait loop.
 *   <li>{@link io.nfttraders.bench.BatchMintThroughput}: drops ({@code /api/v1/nfts/batch}) to CONFIRMED.
 *   <li>{@link io.nfttraders.bench.IndexerBackfill}: Transfer logs indexed from scratch.
 * </ul>
 */
@NullMarked
package io.nfttraders.bench;

import org.jspecify.annotations.NullMarked;
