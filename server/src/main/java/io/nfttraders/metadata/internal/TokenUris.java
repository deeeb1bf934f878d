package io.nfttraders.metadata.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainRejected;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * Where a token says its metadata is: ERC-721 {@code tokenURI(id)}, or ERC-1155 {@code uri(id)}
 * with its {@code {id}} replaced by the id in 64 lower-case hex digits, as ERC-1155 prescribes.
 */
@Component
class TokenUris {

  private final ChainClient chain;
  private final int maxUriChars;

  TokenUris(ChainClient chain, MetadataProperties properties) {
    this.chain = chain;
    // a data: URI carries the document itself, base64 adding a third
    this.maxUriChars = properties.maxDocumentBytes() * 2;
  }

  String of(TokenRef token, TokenStandard standard) throws FetchFailure {
    String getter = standard == TokenStandard.ERC721 ? "tokenURI" : "uri";
    Function function = new Function(getter, List.of(new Uint256(token.tokenId())), List.of(new TypeReference<Utf8String>() {}));
    String answer;
    try {
      answer = chain.call(token.contract(), Numeric.hexStringToByteArray(FunctionEncoder.encode(function)));
    } catch (ChainUnavailable e) {
      throw FetchFailure.passing("the chain did not answer " + getter + ": " + e.getMessage(), e);
    } catch (ChainRejected e) {
      throw FetchFailure.broken("the token's " + getter + " reverted: " + e.getMessage(), e);
    }
    if (answer == null || answer.length() > 2 + 2 * (maxUriChars * 4 + 128)) {
      throw FetchFailure.broken("the token's " + getter + " answer is missing or longer than " + maxUriChars + " characters");
    }
    String uri;
    try {
      @SuppressWarnings({"rawtypes", "unchecked"})
      List<Type> decoded = FunctionReturnDecoder.decode(answer, (List) function.getOutputParameters());
      uri = decoded.isEmpty() ? "" : (String) decoded.getFirst().getValue();
    } catch (RuntimeException malformed) {
      throw FetchFailure.broken("the token's " + getter + " answer is not an ABI string", malformed);
    }
    uri = uri.strip();
    if (uri.isEmpty()) {
      throw FetchFailure.broken("the token has no " + getter);
    }
    if (uri.length() > maxUriChars) {
      throw FetchFailure.broken("the token's " + getter + " is longer than " + maxUriChars + " characters");
    }
    return standard == TokenStandard.ERC1155 ? uri.replace("{id}", idHex(token)) : uri;
  }

  private static String idHex(TokenRef token) {
    byte[] word = Numeric.toBytesPadded(token.tokenId(), 32);
    return HexFormat.of().formatHex(word);
  }
}
