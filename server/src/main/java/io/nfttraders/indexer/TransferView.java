package io.nfttraders.indexer;

import io.nfttraders.ethereum.Address;
import java.math.BigInteger;

/** One entry of a token's provenance, oldest first; mints come from the zero address. */
public record TransferView(BigInteger tokenId, Address from, Address to, long blockNumber, String transactionHash) {}
