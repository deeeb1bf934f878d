package io.nfttraders.minting.internal;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** ABI encoding of the Collection contract's write functions, and gas limits that cover their worst case. */
final class CollectionCalls {

  static final byte[] MINTER_ROLE = Hash.sha3("MINTER_ROLE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  /** Measured worst case ~100,650 gas (contracts/gas/RESULTS.md), with headroom. */
  static final BigInteger MINT_GAS = BigInteger.valueOf(160_000);
  static final BigInteger GRANT_ROLE_GAS = BigInteger.valueOf(120_000);

  private CollectionCalls() {}

  static byte[] mint(String to, byte[] metadataDigest) {
    return encode(new Function("mint", List.of(new Address(to), new Bytes32(metadataDigest)), List.of()));
  }

  static byte[] mintBatch(String to, int count, byte[] directoryDigest) {
    return encode(new Function("mintBatch", List.of(new Address(to), new Uint256(count), new Bytes32(directoryDigest)), List.of()));
  }

  static byte[] grantMinterRole(String account) {
    return encode(new Function("grantRole", List.of(new Bytes32(MINTER_ROLE), new Address(account)), List.of()));
  }

  /** Measured worst case ~3,241 gas per token in a batch of 100 plus the transaction's base cost. */
  static BigInteger mintBatchGas(int count) {
    return BigInteger.valueOf(120_000L + 5_000L * count);
  }

  private static byte[] encode(Function function) {
    return Numeric.hexStringToByteArray(FunctionEncoder.encode(function));
  }
}
