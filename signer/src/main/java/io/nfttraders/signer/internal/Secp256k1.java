package io.nfttraders.signer.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.web3j.crypto.Sign;

/**
 * ECDSA over secp256k1 that keeps the recovery id. web3j's {@code Sign.signMessage} signs, then
 * recovers up to four public keys to find out which one is ours (the {@code v} Ethereum needs);
 * that recovery was most of the signing time. The id falls out of the nonce point R that signing
 * computes anyway: its y parity, and whether its x overflowed the group order. Same RFC 6979
 * deterministic nonce and low-s rule as web3j, so the signatures are identical (a test checks).
 */
final class Secp256k1 {

    /** r, s (low-s form) and the recovery id (0 or 1 in practice; 2, 3 when R.x >= n). */
    record Signature(BigInteger r, BigInteger s, int recoveryId) {

        /** In web3j's form: {@code v} is 27 + the recovery id, as the encoders expect. */
        Sign.SignatureData toWeb3j() {
            return new Sign.SignatureData((byte) (27 + recoveryId), BigIntegers.asUnsignedByteArray(32, r),
                    BigIntegers.asUnsignedByteArray(32, s));
        }
    }

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {}

    /** Signs a 32-byte digest. */
    static Signature sign(byte[] digest, BigInteger privateKey) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a digest is 32 bytes, not " + digest.length);
        }
        BigInteger e = new BigInteger(1, digest);
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, privateKey, digest);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(privateKey.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                // -s is as valid and is the form Ethereum accepts; it belongs to -R, whose y parity is flipped
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            return new Signature(r, s, recoveryId);
        }
    }
}
