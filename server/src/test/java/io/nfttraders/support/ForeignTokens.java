package io.nfttraders.support;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;

/**
 * OpenZeppelin's ERC-721, ERC-1155 and ERC-20 as anyone could deploy them (contracts we did not
 * write: contracts/test/contracts/ForeignTokens.sol), minted by a stranger's account, and read
 * through the chain.
 */
public final class ForeignTokens {

  /** Mints on the foreign contracts, whose mint anyone may call. */
  public static final String MINTER = "0x00000000000000000000000000000000000f00d5";

  private final ChainClient chain;

  public ForeignTokens(ChainClient chain) {
    this.chain = chain;
    chain.request("anvil_setBalance", List.of(MINTER, "0xde0b6b3a7640000"), VoidResponse.class);
  }

  public Address erc721() {
    return TestContracts.deploy(chain, "ForeignErc721");
  }

  public Address erc1155() {
    return TestContracts.deploy(chain, "ForeignErc1155");
  }

  /** An ERC-721 whose tokens each name their own metadata URI (OpenZeppelin's ERC721URIStorage). */
  public Address erc721WithUris() {
    return TestContracts.deploy(chain, "ForeignErc721WithUris");
  }

  /** An ERC-1155 whose URI template ({id}) can be changed, announced by EIP-4906's BatchMetadataUpdate. */
  public Address erc1155WithUri() {
    return TestContracts.deploy(chain, "ForeignErc1155WithUri");
  }

  /** A hostile ERC-721 whose setApprovalForAll burns all the gas it is given. */
  public Address gasBurningErc721() {
    return TestContracts.deploy(chain, "GasBurningErc721");
  }

  public Address erc20() {
    return TestContracts.deploy(chain, "ForeignErc20");
  }

  public void mint721(Address contract, String to, long tokenId) {
    sendAsMinter(contract.checksummed(), call("mint", address(to), new Uint256(tokenId)));
  }

  /** Mints a token naming its own URI (200k gas: a URI of a few hundred characters at most). */
  public void mint721(Address contract, String to, long tokenId, String uri) {
    succeeded(sendAsMinter(contract.checksummed(), call("mint", address(to), new Uint256(tokenId), new Utf8String(uri))));
  }

  private void succeeded(String transactionHash) {
    if (!chain.receipt(transactionHash).orElseThrow().succeeded()) {
      throw new IllegalStateException("the foreign token's transaction reverted: " + transactionHash);
    }
  }

  /** Changes a token's URI; the contract emits EIP-4906's MetadataUpdate. */
  public void setTokenUri(Address contract, long tokenId, String uri) {
    succeeded(sendAsMinter(contract.checksummed(), call("setTokenURI", new Uint256(tokenId), new Utf8String(uri))));
  }

  public void setUri(Address erc1155, String template) {
    succeeded(sendAsMinter(erc1155.checksummed(), call("setURI", new Utf8String(template))));
  }

  public void mint1155(Address contract, String to, long tokenId, long copies) {
    sendAsMinter(contract.checksummed(), call("mint", address(to), new Uint256(tokenId), new Uint256(copies)));
  }

  public void mintBatch1155(Address contract, String to, long[] tokenIds, long[] copies) {
    sendAsMinter(contract.checksummed(), call("mintBatch", address(to), uints(tokenIds), uints(copies)));
  }

  public void mint20(Address contract, String to, long amount) {
    sendAsMinter(contract.checksummed(), call("mint", address(to), new Uint256(amount)));
  }

  /** ERC-1155 {@code balanceOf(holder, id)} as the chain answers it. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public BigInteger balanceOf(Address contract, String holder, long tokenId) {
    Function f = new Function("balanceOf", List.of(address(holder), new Uint256(tokenId)), List.of(new TypeReference<Uint256>() {}));
    List<Type> out = FunctionReturnDecoder.decode(chain.call(contract, Numeric.hexStringToByteArray(FunctionEncoder.encode(f))), (List) f.getOutputParameters());
    return (BigInteger) out.getFirst().getValue();
  }

  public static String call(String function, Type<?>... arguments) {
    return FunctionEncoder.encode(new Function(function, List.of(arguments), List.of()));
  }

  public static org.web3j.abi.datatypes.Address address(String hex) {
    return new org.web3j.abi.datatypes.Address(hex);
  }

  public static DynamicArray<Uint256> uints(long... values) {
    return new DynamicArray<>(Uint256.class, Arrays.stream(values).mapToObj(Uint256::new).toList());
  }

  private String sendAsMinter(String contract, String data) {
    return Impersonation.send(chain, MINTER, contract, data, BigInteger.ZERO);
  }
}
