package io.nfttraders.market.internal;

import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.ethereum.TypedData;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The exchange's {@code Order} struct, field for field (addresses lower-case, times in unix
 * seconds, {@code endTime} 0 = no end). Its EIP-712 digest is the order's identity everywhere.
 *
 * @param amount copies of an ERC-1155 token; an ERC-721 order moves its one token
 */
record ExchangeOrder(
    String maker,
    Side side,
    String collection,
    TokenStandard standard,
    BigInteger tokenId,
    BigInteger amount,
    String currency,
    BigInteger price,
    long startTime,
    long endTime,
    BigInteger salt,
    BigInteger counter) {

  static final String ETH = "0x0000000000000000000000000000000000000000";
  static final String TYPE = "Order(address maker,uint8 side,address collection,uint8 standard,uint256 tokenId,uint256 amount,"
      + "address currency,uint256 price,uint256 startTime,uint256 endTime,uint256 salt,uint256 counter)";
  private static final byte[] TYPEHASH = Hash.sha3(TYPE.getBytes());
  private static final List<TypedData.Field> FIELDS = List.of(new TypedData.Field("maker", "address"), new TypedData.Field("side", "uint8"),
      new TypedData.Field("collection", "address"), new TypedData.Field("standard", "uint8"), new TypedData.Field("tokenId", "uint256"),
      new TypedData.Field("amount", "uint256"), new TypedData.Field("currency", "address"),
      new TypedData.Field("price", "uint256"), new TypedData.Field("startTime", "uint256"), new TypedData.Field("endTime", "uint256"),
      new TypedData.Field("salt", "uint256"), new TypedData.Field("counter", "uint256"));

  ExchangeOrder {
    maker = Abi.address(maker);
    collection = Abi.address(collection);
    currency = Abi.address(currency);
    if (standard == TokenStandard.ERC721 ? !amount.equals(BigInteger.ONE) : amount.signum() <= 0) {
      throw new IllegalArgumentException("an ERC-721 order moves one token, an ERC-1155 order a positive number of copies; was " + amount);
    }
    if (price.signum() <= 0 || startTime < 0 || endTime < 0 || salt.signum() < 0 || counter.signum() < 0) {
      throw new IllegalArgumentException("price must be positive; times, salt and counter non-negative");
    }
  }

  boolean paidInEth() {
    return currency.equals(ETH);
  }

  /** The exchange's code for the standard: how the token moves. */
  int standardCode() {
    return switch (standard) {
      case ERC721 -> 0;
      case ERC1155 -> 1;
    };
  }

  /** Its EIP-712 encodeData: twelve words, each field as the ABI lays it out. */
  byte[] encoded() {
    return Abi.concat(Abi.address32(maker), Abi.uint(side.code()), Abi.address32(collection), Abi.uint(standardCode()), Abi.uint(tokenId),
        Abi.uint(amount), Abi.address32(currency),
        Abi.uint(price), Abi.uint(startTime), Abi.uint(endTime), Abi.uint(salt), Abi.uint(counter));
  }

  /** The struct as a call argument. */
  StaticStruct struct() {
    return new StaticStruct(new Address(maker), new Uint8(side.code()), new Address(collection), new Uint8(standardCode()), new Uint256(tokenId),
        new Uint256(amount), new Address(currency),
        new Uint256(price), new Uint256(startTime), new Uint256(endTime), new Uint256(salt), new Uint256(counter));
  }

  /** What the maker signs: {@code keccak256(0x1901 || domainSeparator || hashStruct(order))}. */
  byte[] digest(OrderDomain domain) {
    byte[] structHash = Hash.sha3(Abi.concat(TYPEHASH, encoded()));
    return Hash.sha3(Abi.concat(new byte[] {0x19, 0x01}, domain.separator(), structHash));
  }

  String hash(OrderDomain domain) {
    return Numeric.toHexString(digest(domain));
  }

  /** The order as EIP-712 typed data under the exchange's domain (what a maker holding their own key signs). */
  TypedData typedData(OrderDomain domain) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("maker", maker);
    message.put("side", side.code());
    message.put("collection", collection);
    message.put("standard", standardCode());
    message.put("tokenId", tokenId.toString());
    message.put("amount", amount.toString());
    message.put("currency", currency);
    message.put("price", price.toString());
    message.put("startTime", Long.toString(startTime));
    message.put("endTime", Long.toString(endTime));
    message.put("salt", salt.toString());
    message.put("counter", counter.toString());
    return new TypedData(new TypedData.Domain(OrderDomain.NAME, OrderDomain.VERSION, domain.chainId(), domain.exchange()), Map.of("Order", FIELDS),
        "Order", message);
  }

  /** The order as one {@code eth_signTypedData_v4} document, for the signer. */
  String typedDataJson(OrderDomain domain) {
    return typedData(domain).v4Json();
  }
}
