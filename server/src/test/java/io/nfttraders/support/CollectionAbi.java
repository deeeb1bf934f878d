package io.nfttraders.support;

import io.nfttraders.chain.ChainClient;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint96;
import org.web3j.utils.Numeric;

/** Reads and calls of our Collection contract for tests, straight against the chain. */
public final class CollectionAbi {

  private CollectionAbi() {}

  /** A mint whose token pays the collection's default royalty (its call names no receiver). */
  public static byte[] mint(String to, byte[] digest) {
    return bytes(new Function("mint", List.of(new Address(to), new Bytes32(digest), Address.DEFAULT, new Uint96(0)), List.of()));
  }

  /** A batch whose tokens pay the collection's default royalty. */
  public static byte[] mintBatch(String to, int count, byte[] digest) {
    return bytes(new Function("mintBatch", List.of(new Address(to), new Uint256(count), new Bytes32(digest), Address.DEFAULT, new Uint96(0)), List.of()));
  }

  public static byte[] transferFrom(String from, String to, BigInteger tokenId) {
    return bytes(new Function("transferFrom", List.of(new Address(from), new Address(to), new Uint256(tokenId)), List.of()));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  public static String ownerOf(ChainClient chain, String collection, BigInteger tokenId) {
    Function f = new Function("ownerOf", List.of(new Uint256(tokenId)), List.of(new TypeReference<Address>() {}));
    List<Type> out = FunctionReturnDecoder.decode(chain.call(io.nfttraders.ethereum.Address.of(collection), Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return out.getFirst().getValue().toString();
  }

  /** The collection's {@code MINTER_ROLE} (OpenZeppelin AccessControl), for {@link #hasRole}. */
  public static final byte[] MINTER_ROLE = org.web3j.crypto.Hash.sha3("MINTER_ROLE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  @SuppressWarnings({"rawtypes", "unchecked"})
  public static boolean hasRole(ChainClient chain, String contract, byte[] role, String account) {
    Function f = new Function("hasRole", List.of(new org.web3j.abi.datatypes.generated.Bytes32(role), new Address(account)),
        List.of(new TypeReference<org.web3j.abi.datatypes.Bool>() {}));
    List<Type> out = FunctionReturnDecoder.decode(chain.call(io.nfttraders.ethereum.Address.of(contract), Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return (Boolean) out.getFirst().getValue();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  public static BigInteger balanceOf(ChainClient chain, String collection, String owner) {
    Function f = new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {}));
    List<Type> out = FunctionReturnDecoder.decode(chain.call(io.nfttraders.ethereum.Address.of(collection), Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return (BigInteger) out.getFirst().getValue();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  public static String tokenUri(ChainClient chain, String collection, BigInteger tokenId) {
    Function f = new Function("tokenURI", List.of(new Uint256(tokenId)), List.of(new TypeReference<Utf8String>() {}));
    List<Type> out = FunctionReturnDecoder.decode(chain.call(io.nfttraders.ethereum.Address.of(collection), Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return out.getFirst().getValue().toString();
  }

  /** ERC-2981: who receives what of a sale at {@code price}. */
  public record RoyaltyInfo(io.nfttraders.ethereum.Address receiver, BigInteger amount) {

    public static RoyaltyInfo of(String receiver, long amount) {
      return of(receiver, BigInteger.valueOf(amount));
    }

    public static RoyaltyInfo of(String receiver, BigInteger amount) {
      return new RoyaltyInfo(io.nfttraders.ethereum.Address.parse(receiver), amount);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  public static RoyaltyInfo royaltyInfo(ChainClient chain, String collection, BigInteger tokenId, BigInteger price) {
    Function f = new Function("royaltyInfo", List.of(new Uint256(tokenId), new Uint256(price)),
        List.of(new TypeReference<Address>() {}, new TypeReference<Uint256>() {}));
    List<Type> out = FunctionReturnDecoder.decode(chain.call(io.nfttraders.ethereum.Address.of(collection), Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return RoyaltyInfo.of(out.get(0).getValue().toString(), (BigInteger) out.get(1).getValue());
  }

  private static byte[] bytes(Function f) {
    return Numeric.hexStringToByteArray(FunctionEncoder.encode(f));
  }
}
