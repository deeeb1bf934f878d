package io.nfttraders.ethereum;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * EIP-712 typed data to sign, in the form ethers v6 ({@code signer.signTypedData(domain, types,
 * message)}) and viem ({@code signTypedData({domain, types, primaryType, message})}) take as it is:
 * {@code types} without {@code EIP712Domain}, which both derive from the domain themselves.
 * Integers above 2^53 are decimal strings, as both accept.
 */
public record TypedData(Domain domain, Map<String, List<Field>> types, String primaryType, Map<String, Object> message) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The exchange's domain: a signature is good for this contract on this chain only. */
  public record Domain(String name, String version, long chainId, String verifyingContract) {}

  public record Field(String name, String type) {}

  public TypedData {
    Objects.requireNonNull(domain, "domain");
    if (types.containsKey("EIP712Domain") || !types.containsKey(primaryType)) {
      throw new IllegalArgumentException("types name the primary type and leave EIP712Domain to the domain");
    }
    types = Map.copyOf(types);
    message = Collections.unmodifiableMap(new LinkedHashMap<>(message));
  }

  /** The same as one {@code eth_signTypedData_v4} document (what browser wallets take), {@code EIP712Domain} included. */
  public String v4Json() {
    Map<String, Object> allTypes = new LinkedHashMap<>();
    allTypes.put("EIP712Domain", List.of(new Field("name", "string"), new Field("version", "string"), new Field("chainId", "uint256"),
        new Field("verifyingContract", "address")));
    allTypes.putAll(types);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("types", allTypes);
    document.put("primaryType", primaryType);
    document.put("domain", domain);
    document.put("message", message);
    return JSON.writeValueAsString(document);
  }
}
