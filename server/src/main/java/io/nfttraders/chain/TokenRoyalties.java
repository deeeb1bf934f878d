package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenRef;
import java.math.BigInteger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A token's ERC-2981 royalty as its contract answers it now, read from the chain. */
@Component
public class TokenRoyalties {

  private static final Logger log = LoggerFactory.getLogger(TokenRoyalties.class);
  /** Asked at a price of 10,000 wei, the royalty's amount is its rate in basis points. */
  private static final BigInteger PRICE_IN_BPS = BigInteger.valueOf(Royalty.WHOLE_PRICE_BPS);
  private static final int WORD_HEX_DIGITS = 64;

  private final Chains chains;

  TokenRoyalties(Chains chains) {
    this.chains = chains;
  }

  /**
   * The royalty, or none when the contract does not answer {@code royaltyInfo} (no ERC-2981: it
   * reverts or answers nothing) or answers no receiver, or more than the whole price, or the token's
   * chain is not one of ours or its node cannot be reached.
   */
  public Optional<Royalty> of(TokenRef token) {
    Optional<Chains.Chain> chain = chains.find(token.chainId());
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    String answer;
    try {
      answer = chain.get().client().call(token.contract(), new NftCollection(token.contract()).royaltyInfo(token.tokenId(), PRICE_IN_BPS));
    } catch (ChainRejected e) {
      return Optional.empty(); // the call reverted: the contract has no royaltyInfo
    } catch (ChainUnavailable e) {
      // a page shows the rest of what it knows; the royalty is only unknown for now
      log.warn("royalty of {} not read: the node is unavailable ({})", token, e.getMessage());
      return Optional.empty();
    }
    String digits = answer.startsWith("0x") ? answer.substring(2) : answer;
    if (digits.length() < 2 * WORD_HEX_DIGITS) {
      return Optional.empty();
    }
    Address receiver = Address.fromWord(digits.substring(0, WORD_HEX_DIGITS));
    BigInteger bps = new BigInteger(digits.substring(WORD_HEX_DIGITS, 2 * WORD_HEX_DIGITS), 16);
    if (receiver.isZero() || bps.compareTo(PRICE_IN_BPS) > 0) {
      return Optional.empty();
    }
    return Optional.of(new Royalty(receiver, bps.intValueExact()));
  }
}
