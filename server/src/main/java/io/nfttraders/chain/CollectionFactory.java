package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenStandard;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.abi.datatypes.generated.Uint96;

/**
 * Our {@code CollectionFactory}: a creator's own collection is an EIP-1167 clone of an ERC-721 or
 * ERC-1155 implementation, set up with its caller as admin, at an address that follows from the
 * caller and a salt. The contract's {@code Standard} enum has {@link TokenStandard}'s order.
 */
public record CollectionFactory(Address address) {

  /** The whole setup of a creator's collection, as {@code createCollection} takes it. */
  public record Setup(TokenStandard standard, String name, String symbol, Royalty royalty, byte[] contractMetadataDigest, byte[] salt) {}

  public byte[] createCollection(Setup setup) {
    return Calldata.of("createCollection", new Uint8(setup.standard().ordinal()), new Utf8String(setup.name()), new Utf8String(setup.symbol()),
        Calldata.address(setup.royalty().receiver()), new Uint96(setup.royalty().bps()), new Bytes32(setup.contractMetadataDigest()),
        new Bytes32(setup.salt()));
  }

  /** {@code predictCollection(standard, creator, salt)}: answers the address as one word. */
  public byte[] predictCollection(TokenStandard standard, Address creator, byte[] salt) {
    return Calldata.of("predictCollection", new Uint8(standard.ordinal()), Calldata.address(creator), new Bytes32(salt));
  }
}
