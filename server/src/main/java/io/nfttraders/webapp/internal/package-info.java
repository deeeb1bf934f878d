@NullMarked
package io.nfttraders.webapp.internal;

import org.jspecify.annotations.NullMarked;
