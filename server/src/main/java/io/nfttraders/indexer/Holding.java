package io.nfttraders.indexer;

import java.math.BigInteger;

/** A token a holder has: an ERC-721 token they own ({@code copies} 1), or their copies of an ERC-1155 token. */
public record Holding(TokenView token, BigInteger copies) {}
