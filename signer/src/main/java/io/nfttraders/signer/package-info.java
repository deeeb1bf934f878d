/**
 * The signer's public API: keys go in (sealed), signatures come out, nothing else leaks.
 *
 * <p>Every request and response is a plain record of strings, numbers and byte arrays, so the
 * signer can later move behind a process boundary without changing its callers. The
 * implementation lives in {@code io.nfttraders.signer.internal} and is not API.
 */
@NullMarked
package io.nfttraders.signer;

import org.jspecify.annotations.NullMarked;
