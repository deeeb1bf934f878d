package io.nfttraders.market.internal;

import java.math.BigInteger;
import org.web3j.crypto.Hash;

/** The exchange's EIP-712 domain: a signature is good for this contract on this chain only. */
record OrderDomain(long chainId, String exchange) {

  static final String NAME = "NFT Traders Exchange";
  static final String VERSION = "1";
  private static final byte[] DOMAIN_TYPEHASH =
      Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)".getBytes());

  OrderDomain {
    exchange = Abi.address(exchange);
  }

  byte[] separator() {
    return Hash.sha3(Abi.concat(DOMAIN_TYPEHASH, Hash.sha3(NAME.getBytes()), Hash.sha3(VERSION.getBytes()),
        Abi.uint(BigInteger.valueOf(chainId)), Abi.address32(exchange)));
  }
}
