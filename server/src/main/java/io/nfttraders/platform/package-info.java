@NullMarked
package io.nfttraders.platform;

import org.jspecify.annotations.NullMarked;
