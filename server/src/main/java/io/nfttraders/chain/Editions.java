package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** A creator's ERC-1155 collection (our {@code Editions}): the calls we make to it. */
public record Editions(Address address) {

  /** Mints the next token id to {@code to} as an edition of {@code supply} copies. */
  public byte[] mint(Address to, BigInteger supply, byte[] metadataDigest) {
    return Calldata.of("mint", Calldata.address(to), new Uint256(supply), new Bytes32(metadataDigest));
  }
}
