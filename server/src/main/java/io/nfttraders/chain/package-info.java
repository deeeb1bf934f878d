@NullMarked
package io.nfttraders.chain;

import org.jspecify.annotations.NullMarked;
