package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.utils.Numeric;

/** Calldata for the exchange, encoded by web3j like every other contract call. */
final class ExchangeCalls {

  private ExchangeCalls() {}

  static byte[] fillListing(ExchangeOrder order, byte[] signature, Address recipient) {
    return encode("fillListing", order.struct(), new DynamicBytes(signature), address(recipient));
  }

  static byte[] acceptOffer(ExchangeOrder order, byte[] signature) {
    return encode("acceptOffer", order.struct(), new DynamicBytes(signature));
  }

  static byte[] cancel(List<ExchangeOrder> orders) {
    return encode("cancel", new DynamicArray<>(StaticStruct.class, orders.stream().map(ExchangeOrder::struct).toList()));
  }

  static byte[] incrementCounter() {
    return encode("incrementCounter");
  }

  static byte[] setFees(Address recipient, int feeBps, int maxRoyaltyBps) {
    return encode("setFees", address(recipient), new Uint16(feeBps), new Uint16(maxRoyaltyBps));
  }

  /** A getter without arguments, such as {@code feeRecipient()}. */
  static byte[] getter(String function) {
    return encode(function);
  }

  private static byte[] encode(String function, Type<?>... arguments) {
    return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(function, List.of(arguments), List.of())));
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.hex());
  }
}
