@NullMarked
package io.nfttraders.deployment.internal;

import org.jspecify.annotations.NullMarked;
