@NullMarked
package io.nfttraders.platform.internal;

import org.jspecify.annotations.NullMarked;
