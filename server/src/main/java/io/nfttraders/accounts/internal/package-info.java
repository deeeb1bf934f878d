@NullMarked
package io.nfttraders.accounts.internal;

import org.jspecify.annotations.NullMarked;
