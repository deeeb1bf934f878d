/**
 * Signer implementation. Not API: only {@code io.nfttraders.signer} may use it, which the
 * architecture test enforces. Classes are package-private unless the API package needs them.
 */
@NullMarked
package io.nfttraders.signer.internal;

import org.jspecify.annotations.NullMarked;
