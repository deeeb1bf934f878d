package io.nfttraders.ethereum;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Who signed a digest (an EIP-712 hash): the address a 65-byte signature (r, s, v) recovers to. */
public final class Signatures {

  /** secp256k1's group order halved: our exchange (like OpenZeppelin's ECDSA) refuses larger s values. */
  private static final BigInteger HALF_N = new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

  /** A signature that recovers to nobody, or one the exchange would refuse; the message says why. */
  public static final class Unrecoverable extends RuntimeException {
    Unrecoverable(String reason) {
      super(reason);
    }
  }

  private Signatures() {}

  /** @throws Unrecoverable unless {@code signatureHex} is a canonical signature of {@code digest} */
  public static Address signerOf(byte[] digest, String signatureHex) {
    byte[] signature;
    try {
      signature = Numeric.hexStringToByteArray(signatureHex);
    } catch (RuntimeException e) {
      throw new Unrecoverable("signature is not hex");
    }
    if (signature.length != 65) {
      throw new Unrecoverable("signature must be 65 bytes (r, s, v), was " + signature.length);
    }
    byte v = signature[64];
    byte[] s = Arrays.copyOfRange(signature, 32, 64);
    if (v != 27 && v != 28) {
      throw new Unrecoverable("v must be 27 or 28");
    }
    if (new BigInteger(1, s).compareTo(HALF_N) > 0) {
      throw new Unrecoverable("s is in the upper half of the curve order (a malleable signature)");
    }
    try {
      BigInteger key = Sign.signedMessageHashToKey(digest, new Sign.SignatureData(v, Arrays.copyOfRange(signature, 0, 32), s));
      return Address.of("0x" + Keys.getAddress(key));
    } catch (SignatureException | RuntimeException e) {
      throw new Unrecoverable("no key recovers from this signature");
    }
  }
}
