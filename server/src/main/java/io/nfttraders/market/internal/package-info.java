@NullMarked
package io.nfttraders.market.internal;

import org.jspecify.annotations.NullMarked;
