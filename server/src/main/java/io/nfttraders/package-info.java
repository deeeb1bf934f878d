@NullMarked
package io.nfttraders;

import org.jspecify.annotations.NullMarked;
