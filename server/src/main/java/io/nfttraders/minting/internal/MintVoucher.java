package io.nfttraders.minting.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.TypedData;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint96;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * The exchange's {@code MintVoucher}, field for field: what a creator signs (EIP-712, under the
 * exchange's domain) to sell a token that is minted only when it is bought.
 *
 * @param creator signs, may mint in the collection, receives the price less the fee and the royalty (lower-case hex)
 * @param metadataDigest sha2-256 of the token's metadata file: the token's URI follows from it
 */
record MintVoucher(String creator, String collection, byte[] metadataDigest, int royaltyBps, BigInteger price, long endTime, BigInteger salt) {

  static final String TYPE_NAME = "MintVoucher";
  private static final List<TypedData.Field> FIELDS = List.of(new TypedData.Field("creator", "address"), new TypedData.Field("collection", "address"),
      new TypedData.Field("metadataDigest", "bytes32"), new TypedData.Field("royaltyBps", "uint96"), new TypedData.Field("price", "uint256"),
      new TypedData.Field("endTime", "uint256"), new TypedData.Field("salt", "uint256"));

  MintVoucher {
    if (metadataDigest.length != 32 || royaltyBps < 0 || price.signum() <= 0 || endTime <= 0 || salt.signum() < 0) {
      throw new IllegalArgumentException("a voucher needs a 32-byte digest, a positive price and end time, and a non-negative royalty and salt");
    }
    metadataDigest = metadataDigest.clone();
  }

  @Override
  public byte[] metadataDigest() {
    return metadataDigest.clone();
  }

  TypedData typedData(DeployedContracts contracts) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("creator", creator);
    message.put("collection", collection);
    message.put("metadataDigest", Numeric.toHexString(metadataDigest));
    message.put("royaltyBps", Integer.toString(royaltyBps));
    message.put("price", price.toString());
    message.put("endTime", Long.toString(endTime));
    message.put("salt", salt.toString());
    return new TypedData(new TypedData.Domain("NFT Traders Exchange", DeployedContracts.EXCHANGE_VERSION, contracts.chainId().value(),
        contracts.exchange().hex()), Map.of(TYPE_NAME, FIELDS), TYPE_NAME, message);
  }

  /** Its EIP-712 digest: the voucher's identity, and what the exchange records as redeemed. */
  String hash(DeployedContracts contracts) {
    try {
      return Numeric.toHexString(new StructuredDataEncoder(typedData(contracts).v4Json()).hashStructuredData());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the voucher's own typed data does not encode", e);
    }
  }

  /** {@code redeemVoucher(voucher, signature, recipient)}, paid with the price. */
  byte[] redeemCall(byte[] signature, io.nfttraders.ethereum.Address recipient) {
    StaticStruct struct = new StaticStruct(new Address(creator), new Address(collection), new Bytes32(metadataDigest), new Uint96(royaltyBps),
        new Uint256(price), new Uint256(endTime), new Uint256(salt));
    return Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function("redeemVoucher",
        List.of(struct, new DynamicBytes(signature), new Address(recipient.hex())), List.of())));
  }
}
