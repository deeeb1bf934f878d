package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/** The one way our contract bindings encode a call: web3j's ABI encoder. */
final class Calldata {

  private Calldata() {}

  static byte[] of(String function, Type<?>... arguments) {
    return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(function, List.of(arguments), List.of())));
  }

  static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.hex());
  }
}
