package io.nfttraders.signer;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A signed transaction ready for {@code eth_sendRawTransaction}.
 *
 * @param from EIP-55 address of the signing wallet
 * @param rawTransaction 0x-hex of the signed EIP-2718 envelope
 * @param transactionHash 0x-hex keccak-256 of {@code rawTransaction}
 * @param nonce the nonce that was signed, for the caller's nonce bookkeeping
 */
public record SignedTransaction(String from, String rawTransaction, String transactionHash, BigInteger nonce) {

    public SignedTransaction {
        Checks.address(from, "from");
        Checks.hex(rawTransaction, "rawTransaction");
        Checks.hexOfLength(transactionHash, 32, "transactionHash");
        Checks.unsigned(Objects.requireNonNull(nonce, "nonce"), 64, "nonce");
    }
}
