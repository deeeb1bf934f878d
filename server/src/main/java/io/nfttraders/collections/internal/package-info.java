@NullMarked
package io.nfttraders.collections.internal;

import org.jspecify.annotations.NullMarked;
