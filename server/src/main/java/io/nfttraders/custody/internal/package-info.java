@NullMarked
package io.nfttraders.custody.internal;

import org.jspecify.annotations.NullMarked;
