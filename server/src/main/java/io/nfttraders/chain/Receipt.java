package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** What we need from a mined transaction's receipt. */
public record Receipt(
    String transactionHash,
    BigInteger blockNumber,
    String blockHash,
    boolean succeeded,
    BigInteger gasUsed,
    @Nullable Address contractAddress) {}
