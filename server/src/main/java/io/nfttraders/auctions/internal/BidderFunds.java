package io.nfttraders.auctions.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.Weth;
import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each bidder can still bid: their WETH balance on-chain minus what their leading bids in
 * other auctions hold. A leading bid holds its amount until it is outbid or its auction closes.
 *
 * <p>Balances are read from the chain once and kept until a WETH event of the account is indexed
 * ({@link #forget}). Checking and holding happen under one lock, so two auctions deciding bids of
 * the same bidder at once cannot both spend the same WETH.
 */
@Component
class BidderFunds {

  private final ChainClient chain;
  private final Weth weth;
  private final Map<String, BigInteger> balances = new ConcurrentHashMap<>();
  /** Per auction, its leading bidder and what that bid holds; guarded by this. */
  private final Map<UUID, Hold> holds = new HashMap<>();
  /** Per bidder, the sum of their holds; guarded by this. */
  private final Map<String, BigInteger> held = new HashMap<>();

  private record Hold(String bidder, BigInteger amount) {}

  BidderFunds(ChainClient chain, DeployedContracts contracts) {
    this.chain = chain;
    this.weth = contracts.weth();
  }

  /** Reads the bidder's balance unless it is known: done before a decision, outside every lock, since it is a chain call. */
  void load(String bidder) {
    balances.computeIfAbsent(bidder, this::readBalance);
  }

  /** The balance changed on-chain (a WETH transfer, deposit or withdrawal was indexed): read it again when needed. */
  void forget(String account) {
    balances.remove(account);
  }

  /** A reorganisation undid blocks: every balance is read again when needed. */
  void forgetAll() {
    balances.clear();
  }

  /**
   * Decides with the bidder's available WETH (balance minus holds in other auctions) and, if the
   * decision accepts, moves the auction's hold to the bidder, all at once.
   */
  synchronized BidRules.Decision decide(UUID auction, String bidder, Function<@Nullable BigInteger, BidRules.Decision> decision) {
    BigInteger balance = balances.get(bidder);
    BigInteger available = balance == null ? null : balance.subtract(heldElsewhere(bidder, auction));
    BidRules.Decision decided = decision.apply(available);
    if (decided instanceof BidRules.Accepted accepted) {
      hold(auction, bidder, accepted.state().leadingBid());
    }
    return decided;
  }

  /** Sets the auction's hold as its state says (after a rebuild): its leader's bid, or nothing. */
  synchronized void holdAsIn(UUID auction, AuctionState state) {
    if (state.phase() == AuctionPhase.OPEN && state.leader() != null && state.leadingBid() != null) {
      hold(auction, state.leader(), state.leadingBid());
    } else {
      release(auction);
    }
  }

  /** The auction closed: its leading bid no longer holds funds for bidding (settlement checks the chain itself). */
  synchronized void release(UUID auction) {
    Hold old = holds.remove(auction);
    if (old != null) {
      held.computeIfPresent(old.bidder(), (b, sum) -> sum.equals(old.amount()) ? null : sum.subtract(old.amount()));
    }
  }

  private void hold(UUID auction, String bidder, @Nullable BigInteger amount) {
    release(auction);
    if (amount != null) {
      holds.put(auction, new Hold(bidder, amount));
      held.merge(bidder, amount, BigInteger::add);
    }
  }

  private BigInteger heldElsewhere(String bidder, UUID auction) {
    BigInteger total = held.getOrDefault(bidder, BigInteger.ZERO);
    Hold here = holds.get(auction);
    return here != null && here.bidder().equals(bidder) ? total.subtract(here.amount()) : total;
  }

  private BigInteger readBalance(String account) {
    return chain.callUint256(weth.address(), weth.balanceOf(Address.of(account)));
  }
}
