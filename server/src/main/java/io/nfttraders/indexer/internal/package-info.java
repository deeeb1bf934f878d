@NullMarked
package io.nfttraders.indexer.internal;

import org.jspecify.annotations.NullMarked;
