package io.nfttraders.ethereum;

/**
 * A transaction for a self-custody wallet to sign and send itself ({@code eth_sendTransaction}):
 * from its address, to this contract, with this data and {@code value} (wei, decimal).
 */
public record UnsignedTransaction(ChainId chainId, Address from, Address to, String data, String value) {}
