package io.nfttraders.signer.internal;

import org.web3j.crypto.ECKeyPair;

/** A derived key pair with its EIP-55 address. Never leaves this package. */
record WalletKey(ECKeyPair keyPair, String address) {

    /** The generated toString would be harmless today, but spell out that the key is never printed. */
    @Override
    public String toString() {
        return "WalletKey[" + address + "]";
    }
}
