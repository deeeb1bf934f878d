package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Royalty;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint96;
import org.web3j.crypto.Hash;

/**
 * An ERC-721 collection: the calls every one answers (approval, transfer, ERC-2981 royalty), and
 * those of our own {@code Collection} contract (mint, batch mint, the minter role, royalties per mint
 * call).
 */
public record NftCollection(Address address) {

  private static final byte[] MINTER_ROLE = Hash.sha3("MINTER_ROLE".getBytes(StandardCharsets.US_ASCII));

  /** A mint call's royalty that leaves its tokens on the collection's default royalty (no receiver of their own). */
  public static final Royalty COLLECTION_DEFAULT = new Royalty(Address.ZERO, 0);

  /** Mints one token whose every sale pays {@code royalty}. */
  public byte[] mint(Address to, byte[] metadataDigest, Royalty royalty) {
    return Calldata.of("mint", Calldata.address(to), new Bytes32(metadataDigest), Calldata.address(royalty.receiver()), new Uint96(royalty.bps()));
  }

  /** Mints {@code count} tokens whose every sale pays {@code royalty}. */
  public byte[] mintBatch(Address to, int count, byte[] directoryDigest, Royalty royalty) {
    return Calldata.of("mintBatch", Calldata.address(to), new Uint256(count), new Bytes32(directoryDigest),
        Calldata.address(royalty.receiver()), new Uint96(royalty.bps()));
  }

  /** Sets the royalty of the mint calls that minted {@code firstTokenIds} (each the first token of its call). */
  public byte[] setMintRoyalties(List<BigInteger> firstTokenIds, List<Royalty> royalties) {
    if (firstTokenIds.size() != royalties.size()) {
      throw new IllegalArgumentException(firstTokenIds.size() + " mint calls but " + royalties.size() + " royalties");
    }
    return Calldata.of("setMintRoyalties",
        new DynamicArray<>(Uint256.class, firstTokenIds.stream().map(Uint256::new).toList()),
        new DynamicArray<>(org.web3j.abi.datatypes.Address.class, royalties.stream().map(r -> Calldata.address(r.receiver())).toList()),
        new DynamicArray<>(Uint96.class, royalties.stream().map(r -> new Uint96(r.bps())).toList()));
  }

  /** Sets the royalty of every token whose mint call named none (in a creator's collection: every token). */
  public byte[] setDefaultRoyalty(Royalty royalty) {
    return Calldata.of("setDefaultRoyalty", Calldata.address(royalty.receiver()), new Uint96(royalty.bps()));
  }

  /**
   * Points the collection's ERC-7572 metadata at the file with this sha2-256 digest. Our ERC-1155
   * {@code Editions} answer the same call, as they do {@link #setDefaultRoyalty}.
   */
  public byte[] setContractMetadata(byte[] digest) {
    return Calldata.of("setContractMetadata", new Bytes32(digest));
  }

  /** ERC-2981 {@code royaltyInfo(tokenId, salePrice)}: answers the receiver and the amount, as two words. */
  public byte[] royaltyInfo(BigInteger tokenId, BigInteger salePrice) {
    return Calldata.of("royaltyInfo", new Uint256(tokenId), new Uint256(salePrice));
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
