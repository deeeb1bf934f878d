package io.nfttraders.collections.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;

/** A transaction for a self-custody wallet to sign and send itself ({@code eth_sendTransaction}): no value, this data. */
record UnsignedTransaction(ChainId chainId, Address from, Address to, String data, String value) {}
