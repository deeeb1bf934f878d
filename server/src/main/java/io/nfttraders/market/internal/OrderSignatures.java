package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Signatures;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TypedDataRequest;
import io.nfttraders.signer.WalletId;
import org.springframework.stereotype.Component;

/** Orders get signed by the custodial signer, or arrive signed by their maker and are checked here. */
@Component
class OrderSignatures {

  private final Signer signer;

  OrderSignatures(Signer signer) {
    this.signer = signer;
  }

  String signCustodial(WalletId wallet, ExchangeOrder order, OrderDomain domain, String reason) {
    return signer.sign(new TypedDataRequest(wallet, order.typedDataJson(domain), "market", reason)).signature();
  }

  /** @throws MarketProblems.InvalidSignature unless {@code signatureHex} is the maker's canonical signature of the order */
  static void verify(ExchangeOrder order, OrderDomain domain, String signatureHex) {
    Address recovered;
    try {
      recovered = Signatures.signerOf(order.digest(domain), signatureHex);
    } catch (Signatures.Unrecoverable e) {
      throw new MarketProblems.InvalidSignature(e.getMessage());
    }
    if (!recovered.hex().equalsIgnoreCase(order.maker())) {
      throw new MarketProblems.InvalidSignature("the signature is not the maker's (it recovers to " + recovered.checksummed() + ")");
    }
  }
}
