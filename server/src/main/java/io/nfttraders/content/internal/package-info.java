/**
 * How content is stored and served: the UnixFS/dag-pb encoding that yields IPFS CIDs, the local
 * and S3 back ends, the image header parsers and the {@code /ipfs} gateway.
 */
@NullMarked
package io.nfttraders.content.internal;

import org.jspecify.annotations.NullMarked;
