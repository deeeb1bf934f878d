package io.nfttraders.market.internal;

import java.math.BigInteger;
import java.util.List;

/** Calldata for the exchange, the WETH token and the collections' approval and transfer functions. */
final class ExchangeCalls {

  static final BigInteger MAX_UINT = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  private static final String ORDER_TUPLE = "(address,uint8,address,uint256,address,uint256,uint256,uint256,uint256,uint256)";
  private static final int ORDER_WORDS = 10;

  private ExchangeCalls() {}

  static byte[] fillListing(ExchangeOrder order, byte[] signature, String recipient) {
    // head: the order inline (a static tuple), the offset of the signature, the recipient; tail: the signature
    byte[] offset = Abi.uint((ORDER_WORDS + 2) * 32L);
    return Abi.concat(Abi.selector("fillListing(" + ORDER_TUPLE + ",bytes,address)"), order.encoded(), offset, Abi.address32(recipient),
        Abi.bytesTail(signature));
  }

  static byte[] acceptOffer(ExchangeOrder order, byte[] signature) {
    byte[] offset = Abi.uint((ORDER_WORDS + 1) * 32L);
    return Abi.concat(Abi.selector("acceptOffer(" + ORDER_TUPLE + ",bytes)"), order.encoded(), offset, Abi.bytesTail(signature));
  }

  static byte[] cancel(List<ExchangeOrder> orders) {
    byte[][] parts = new byte[orders.size() + 3][];
    parts[0] = Abi.selector("cancel(" + ORDER_TUPLE + "[])");
    parts[1] = Abi.uint(32);
    parts[2] = Abi.uint(orders.size());
    for (int i = 0; i < orders.size(); i++) {
      parts[i + 3] = orders.get(i).encoded();
    }
    return Abi.concat(parts);
  }

  static byte[] incrementCounter() {
    return Abi.selector("incrementCounter()");
  }

  static byte[] setFees(String recipient, int feeBps, int maxRoyaltyBps) {
    return Abi.concat(Abi.selector("setFees(address,uint16,uint16)"), Abi.address32(recipient), Abi.uint(feeBps), Abi.uint(maxRoyaltyBps));
  }

  static byte[] setApprovalForAll(String operator) {
    return Abi.concat(Abi.selector("setApprovalForAll(address,bool)"), Abi.address32(operator), Abi.bool(true));
  }

  static byte[] safeTransferFrom(String from, String to, BigInteger tokenId) {
    return Abi.concat(Abi.selector("safeTransferFrom(address,address,uint256)"), Abi.address32(from), Abi.address32(to), Abi.uint(tokenId));
  }

  static byte[] approve(String spender, BigInteger amount) {
    return Abi.concat(Abi.selector("approve(address,uint256)"), Abi.address32(spender), Abi.uint(amount));
  }

  static byte[] transfer(String to, BigInteger amount) {
    return Abi.concat(Abi.selector("transfer(address,uint256)"), Abi.address32(to), Abi.uint(amount));
  }

  static byte[] deposit() {
    return Abi.selector("deposit()");
  }

  static byte[] withdraw(BigInteger amount) {
    return Abi.concat(Abi.selector("withdraw(uint256)"), Abi.uint(amount));
  }

  static byte[] balanceOf(String account) {
    return Abi.concat(Abi.selector("balanceOf(address)"), Abi.address32(account));
  }

  static byte[] allowance(String owner, String spender) {
    return Abi.concat(Abi.selector("allowance(address,address)"), Abi.address32(owner), Abi.address32(spender));
  }

  static byte[] counter(String maker) {
    return Abi.concat(Abi.selector("counter(address)"), Abi.address32(maker));
  }

  static byte[] noArguments(String function) {
    return Abi.selector(function + "()");
  }
}
