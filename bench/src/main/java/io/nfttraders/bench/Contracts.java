package io.nfttraders.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint96;
import org.web3j.crypto.Hash;

/** Bytecode from the compiled artifacts on the class path, and the ABI encoding of the calls the benchmarks make. */
final class Contracts {

  /** keccak256 of the ERC-721 Transfer event (topic 0). */
  static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");
  static final String CONSECUTIVE_TRANSFER_TOPIC = Hash.sha3String("ConsecutiveTransfer(uint256,uint256,address,address)");
  static final String TRANSFER_SINGLE_TOPIC = Hash.sha3String("TransferSingle(address,address,address,uint256,uint256)");
  static final String TRANSFER_BATCH_TOPIC = Hash.sha3String("TransferBatch(address,address,address,uint256[],uint256[])");
  /** The transfer events of every NFT standard (and, with ERC-721's topic, every ERC-20's Transfer): what the indexer reads chain-wide. */
  static final List<String> NFT_TRANSFER_TOPICS = List.of(TRANSFER_TOPIC, CONSECUTIVE_TRANSFER_TOPIC, TRANSFER_SINGLE_TOPIC, TRANSFER_BATCH_TOPIC);

  private Contracts() {}

  /** Deployment data of our Collection (the {@code contracts} module's artifact) with its constructor arguments. */
  static String collectionDeployment(String name, String symbol, String admin, String royaltyReceiver, int royaltyBps) {
    return bytecode("contracts/Collection.json") + FunctionEncoder.encodeConstructor(List.of(new Utf8String(name), new Utf8String(symbol),
        new Address(admin), new Address(royaltyReceiver), new Uint96(royaltyBps)));
  }

  /** Deployment data of the benchmark-only TransferRing (compiled into this module's resources). */
  static String transferRingDeployment() {
    return bytecode("bench-contracts/TransferRing.json");
  }

  static String mint(String to, byte[] digest) {
    return FunctionEncoder.encode(new Function("mint", List.of(new Address(to), new Bytes32(digest), Address.DEFAULT, new Uint96(0)), List.of()));
  }

  static String mintBatch(String to, int count, byte[] digest) {
    return FunctionEncoder.encode(new Function("mintBatch", List.of(new Address(to), new Uint256(count), new Bytes32(digest), Address.DEFAULT, new Uint96(0)), List.of()));
  }

  static String setApprovalForAll(String operator) {
    return FunctionEncoder.encode(new Function("setApprovalForAll", List.of(new Address(operator), new Bool(true)), List.of()));
  }

  /** Deployment data of a benchmark-only token contract ({@code BenchCoin}, {@code BenchEditions}) whose constructor funds the ring. */
  static String benchTokenDeployment(String contract, List<String> ring) {
    return bytecode("bench-contracts/" + contract + ".json")
        + FunctionEncoder.encodeConstructor(List.of(new DynamicArray<>(Address.class, ring.stream().map(Address::new).toList())));
  }

  /** {@code churn(ring, count)}: {@code count} transfers around the ring, one log each. */
  static String churn(List<String> ring, int count) {
    return FunctionEncoder.encode(new Function("churn", List.of(new DynamicArray<>(Address.class, ring.stream().map(Address::new).toList()),
        new Uint256(count)), List.of()));
  }

  static String rotate(String collection, BigInteger firstTokenId, int count, List<String> ring) {
    return FunctionEncoder.encode(new Function("rotate", List.of(new Address(collection), new Uint256(firstTokenId), new Uint256(count),
        new DynamicArray<>(Address.class, ring.stream().map(Address::new).toList())), List.of()));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static String ownerOf(DevChain chain, String collection, BigInteger tokenId) {
    Function f = new Function("ownerOf", List.of(new Uint256(tokenId)), List.of(new TypeReference<Address>() {}));
    List<Type> out = FunctionReturnDecoder.decode(chain.call(collection, FunctionEncoder.encode(f)), (List) f.getOutputParameters());
    return out.getFirst().getValue().toString();
  }

  /** A non-zero 32-byte value standing for a metadata digest (the contract refuses zero). */
  static byte[] digest(String seed) {
    return Hash.sha3(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String bytecode(String resource) {
    try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path (build the project first)");
      }
      return Api.JSON.readTree(in).get("bytecode").asString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
