package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TypedDataRequest;
import io.nfttraders.signer.WalletId;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Orders get signed by the custodial signer, or arrive signed by their maker and are checked here. */
@Component
class OrderSignatures {

  /** secp256k1's group order halved: the exchange (like OpenZeppelin's ECDSA) refuses larger s values. */
  private static final BigInteger HALF_N = new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

  private final Signer signer;

  OrderSignatures(Signer signer) {
    this.signer = signer;
  }

  String signCustodial(WalletId wallet, ExchangeOrder order, OrderDomain domain, String reason) {
    return signer.sign(new TypedDataRequest(wallet, order.typedDataJson(domain), "market", reason)).signature();
  }

  /** @throws MarketProblems.InvalidSignature unless {@code signatureHex} is the maker's canonical signature of the order */
  static void verify(ExchangeOrder order, OrderDomain domain, String signatureHex) {
    byte[] signature;
    try {
      signature = Numeric.hexStringToByteArray(signatureHex);
    } catch (RuntimeException e) {
      throw new MarketProblems.InvalidSignature("signature is not hex");
    }
    if (signature.length != 65) {
      throw new MarketProblems.InvalidSignature("signature must be 65 bytes (r, s, v), was " + signature.length);
    }
    byte v = signature[64];
    byte[] s = Arrays.copyOfRange(signature, 32, 64);
    if (v != 27 && v != 28) {
      throw new MarketProblems.InvalidSignature("v must be 27 or 28");
    }
    if (new BigInteger(1, s).compareTo(HALF_N) > 0) {
      throw new MarketProblems.InvalidSignature("s is in the upper half of the curve order (a malleable signature)");
    }
    String recovered;
    try {
      BigInteger key = Sign.signedMessageHashToKey(order.digest(domain), new Sign.SignatureData(v, Arrays.copyOfRange(signature, 0, 32), s));
      recovered = "0x" + Keys.getAddress(key);
    } catch (SignatureException | RuntimeException e) {
      throw new MarketProblems.InvalidSignature("no key recovers from this signature");
    }
    if (!recovered.equalsIgnoreCase(order.maker())) {
      throw new MarketProblems.InvalidSignature("the signature is not the maker's (it recovers to " + Address.of(recovered).checksummed() + ")");
    }
  }
}
