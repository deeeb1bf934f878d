@NullMarked
package io.nfttraders.accounts;

import org.jspecify.annotations.NullMarked;
