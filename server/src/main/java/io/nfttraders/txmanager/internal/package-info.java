@NullMarked
package io.nfttraders.txmanager.internal;

import org.jspecify.annotations.NullMarked;
