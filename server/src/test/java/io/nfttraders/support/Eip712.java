package io.nfttraders.support;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs the typed data the server hands out ({domain, types, primaryType, message}, as ethers and
 * viem take it) the way a wallet's eth_signTypedData_v4 does: web3j's encoder wants the domain's
 * own type among the types, as that method's document carries it.
 */
public final class Eip712 {

  private Eip712() {}

  public static String v4Json(JsonNode typedData) {
    ObjectNode document = (ObjectNode) typedData.deepCopy();
    ObjectNode types = Api.JSON.createObjectNode();
    types.set("EIP712Domain", Api.JSON.readTree("""
        [{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},
         {"name":"verifyingContract","type":"address"}]"""));
    typedData.get("types").properties().forEach(e -> types.set(e.getKey(), e.getValue()));
    document.set("types", types);
    return Api.JSON.writeValueAsString(document);
  }

  public static byte[] digest(JsonNode typedData) {
    try {
      return new StructuredDataEncoder(v4Json(typedData)).hashStructuredData();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A 65-byte signature (r, s, v) of the typed data by {@code key}. */
  public static String sign(Credentials key, JsonNode typedData) {
    Sign.SignatureData signed = Sign.signMessage(digest(typedData), key.getEcKeyPair(), false);
    return Numeric.toHexString(signed.getR()) + Numeric.toHexStringNoPrefix(signed.getS()) + Numeric.toHexStringNoPrefix(signed.getV());
  }
}
