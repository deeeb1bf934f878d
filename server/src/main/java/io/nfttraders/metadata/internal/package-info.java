@NullMarked
package io.nfttraders.metadata.internal;

import org.jspecify.annotations.NullMarked;
