package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * An ERC-721 collection: the calls every one answers (approval, transfer), and those of our own
 * {@code Collection} contract (mint, batch mint, the minter role).
 */
public record NftCollection(Address address) {

  private static final byte[] MINTER_ROLE = Hash.sha3("MINTER_ROLE".getBytes(StandardCharsets.US_ASCII));

  public byte[] mint(Address to, byte[] metadataDigest) {
    return Calldata.of("mint", Calldata.address(to), new Bytes32(metadataDigest));
  }

  public byte[] mintBatch(Address to, int count, byte[] directoryDigest) {
    return Calldata.of("mintBatch", Calldata.address(to), new Uint256(count), new Bytes32(directoryDigest));
  }

  public byte[] grantMinterRole(Address account) {
    return Calldata.of("grantRole", new Bytes32(MINTER_ROLE), Calldata.address(account));
  }

  public byte[] setApprovalForAll(Address operator, boolean approved) {
    return Calldata.of("setApprovalForAll", Calldata.address(operator), new Bool(approved));
  }

  public byte[] safeTransferFrom(Address from, Address to, BigInteger tokenId) {
    return Calldata.of("safeTransferFrom", Calldata.address(from), Calldata.address(to), new Uint256(tokenId));
  }
}
