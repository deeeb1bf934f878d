/**
 * Content-addressed storage for NFT images and metadata, with IPFS CIDs.
 *
 * <p>{@link io.nfttraders.content.ContentStore} stores bytes under the CID that {@code ipfs add
 * --cid-version=1 --raw-leaves} would give them (a raw block up to 256 KiB, a balanced UnixFS
 * file DAG above), so a token URI {@code ipfs://<cid>} we mint stays valid when the same bytes
 * are pinned on IPFS. Only the whole file is kept, not its blocks: we compute IPFS identifiers,
 * we are not an IPFS node. {@code GET /ipfs/{cid}[/{path}]} serves stored content like a path
 * gateway. {@link io.nfttraders.content.ImageValidation} decides which uploads are images.
 */
@NullMarked
package io.nfttraders.content;

import org.jspecify.annotations.NullMarked;
