package io.nfttraders.signer;

/**
 * A message signature as wallets return it.
 *
 * @param signer EIP-55 address of the signing wallet
 * @param signature 0x-hex of {@code r || s || v}: 65 bytes, {@code v} is 27 or 28
 */
public record MessageSignature(String signer, String signature) {

    public MessageSignature {
        Checks.address(signer, "signer");
        Checks.hexOfLength(signature, 65, "signature");
    }
}
