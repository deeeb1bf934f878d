package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import java.math.BigInteger;
import org.web3j.crypto.Hash;

/**
 * The exchange's EIP-712 domain: a signature is good for this contract on this chain only.
 *
 * @param separator its domain separator, computed once (every order digest needs it)
 */
record OrderDomain(long chainId, String exchange, byte[] separator) {

  static final String NAME = "NFT Traders Exchange";
  static final String VERSION = DeployedContracts.EXCHANGE_VERSION;
  private static final byte[] DOMAIN_TYPEHASH =
      Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)".getBytes());

  OrderDomain(long chainId, String exchange) {
    this(chainId, Abi.address(exchange), Hash.sha3(Abi.concat(DOMAIN_TYPEHASH, Hash.sha3(NAME.getBytes()), Hash.sha3(VERSION.getBytes()),
        Abi.uint(BigInteger.valueOf(chainId)), Abi.address32(Abi.address(exchange)))));
  }

  @Override
  public byte[] separator() {
    return separator.clone();
  }
}
