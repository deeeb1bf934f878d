package io.nfttraders.signer.internal;

import io.nfttraders.signer.WalletId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * BIP-32/BIP-44 derivation of wallet keys at {@code m/44'/60'/0'/0/{index}}.
 *
 * <p>Only the {@code m/44'/60'/0'/0} node is kept, not the seed or master key: it can derive every
 * wallet we use and nothing else. Derived keys are cached because each derivation costs several EC
 * multiplications. One small entry per wallet that ever signed, so the cache is left unbounded.
 *
 * <p>Private keys live in {@link java.math.BigInteger}s inside web3j's key pairs, which cannot be
 * wiped; keeping them in this one object is the best the JVM allows.
 */
final class KeyRing {

    private static final int[] EXTERNAL_CHAIN_PATH = {
        44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0
    };

    private final Bip32ECKeyPair externalChain;
    private final ConcurrentMap<Long, WalletKey> cache = new ConcurrentHashMap<>();

    /** Does not keep {@code seed}; the caller wipes it. */
    KeyRing(byte[] seed) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        this.externalChain = Bip32ECKeyPair.deriveKeyPair(master, EXTERNAL_CHAIN_PATH);
    }

    WalletKey key(WalletId wallet) {
        return cache.computeIfAbsent(wallet.index(), this::derive);
    }

    int derivedCount() {
        return cache.size();
    }

    private WalletKey derive(long index) {
        // WalletId guarantees index < 2^31, so the int is a non-hardened child number.
        Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(externalChain, new int[] {(int) index});
        return new WalletKey(child, Keys.toChecksumAddress(Keys.getAddress(child)));
    }

    @Override
    public String toString() {
        return "KeyRing[" + cache.size() + " wallets derived]";
    }
}
