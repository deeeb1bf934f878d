@NullMarked
package io.nfttraders.custody;

import org.jspecify.annotations.NullMarked;
