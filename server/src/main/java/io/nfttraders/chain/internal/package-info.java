@NullMarked
package io.nfttraders.chain.internal;

import org.jspecify.annotations.NullMarked;
