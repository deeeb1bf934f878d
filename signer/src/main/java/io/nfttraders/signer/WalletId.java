package io.nfttraders.signer;

/**
 * Identifies one derived wallet: BIP-44 path {@code m/44'/60'/0'/0/{index}}.
 *
 * <p>The index is a non-hardened BIP-32 child number, hence below 2^31.
 */
public record WalletId(long index) {

    public static final long MAX_INDEX = (1L << 31) - 1;

    public WalletId {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("wallet index must be in [0, 2^31), was " + index);
        }
    }

    public static WalletId of(long index) {
        return new WalletId(index);
    }

    public String derivationPath() {
        return "m/44'/60'/0'/0/" + index;
    }
}
