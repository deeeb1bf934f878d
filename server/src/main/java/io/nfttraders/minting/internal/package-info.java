@NullMarked
package io.nfttraders.minting.internal;

import org.jspecify.annotations.NullMarked;
