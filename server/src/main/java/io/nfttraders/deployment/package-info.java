/**
 * Our contracts on every chain: deployed by the platform wallet the first time the server meets
 * a chain, recorded, and handed to the other modules as {@link io.nfttraders.chain.ChainContracts};
 * on the dev chains, the anvil accounts that fund the platform's and users' new wallets.
 */
@NullMarked
package io.nfttraders.deployment;

import org.jspecify.annotations.NullMarked;
