/**
 * The values every capability that touches an EVM chain speaks in: {@link Address}, {@link ChainId},
 * {@link Wei} and {@link TokenRef}. Records that refuse what they cannot be, so that a method taking an
 * {@code Address} never has to ask whether its string is one.
 */
@NullMarked
package io.nfttraders.ethereum;

import org.jspecify.annotations.NullMarked;
