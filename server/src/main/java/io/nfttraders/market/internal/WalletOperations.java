package io.nfttraders.market.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.NftCollection;
import io.nfttraders.chain.Weth;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A custodial wallet's money: balances, deposit address, withdrawals out, and wrapping ETH into WETH. */
@Service
class WalletOperations {

  private static final BigInteger ETH_TRANSFER_GAS = BigInteger.valueOf(21_000);
  private static final BigInteger TOKEN_CALL_GAS = BigInteger.valueOf(120_000);

  record Balances(String address, long chainId, String ethWei, String eth, String wethWei, String weth, String wethAllowanceWei) {}

  /** @param asset ETH, WETH or NFT; NFT needs collection and tokenId, the others amountWei or amount */
  record Withdrawal(@Nullable String asset, @Nullable String to, @Nullable String amountWei, @Nullable String amount, @Nullable String collection,
      @Nullable String tokenId) {}

  private final CustodialWallets wallets;
  private final ChainClient chain;
  private final WethPositions positions;
  private final IndexedNfts nfts;
  private final TransactionManager transactions;
  private final ChainId chainId;
  private final Weth weth;

  WalletOperations(CustodialWallets wallets, ChainClient chain, WethPositions positions, IndexedNfts nfts, TransactionManager transactions,
      DeployedContracts contracts) {
    this.wallets = wallets;
    this.chain = chain;
    this.positions = positions;
    this.nfts = nfts;
    this.transactions = transactions;
    this.chainId = contracts.chainId();
    this.weth = contracts.weth();
  }

  Balances balances(UUID user) {
    Wallet wallet = wallet(user);
    BigInteger eth = chain.balance(wallet.address());
    WethPositions.Position position = positions.read(wallet.address().hex());
    return new Balances(wallet.address().checksummed(), chainId.value(), eth.toString(), OrderView.ether(eth), position.balance().toString(),
        OrderView.ether(position.balance()), position.allowance().toString());
  }

  @Transactional
  TransactionId withdraw(UUID user, Withdrawal request) {
    Wallet wallet = wallet(user);
    Address to = Inputs.address("to", request.to());
    if (to.isZero()) {
      throw new MarketProblems.InvalidAddress("to", "the zero address would burn the asset");
    }
    String asset = request.asset() == null ? "" : request.asset().strip().toUpperCase();
    String reason = "withdraw " + asset + " to " + to.checksummed();
    boolean token = "NFT".equals(asset);
    if (!token && (request.collection() != null || request.tokenId() != null) || token && (request.amountWei() != null || request.amount() != null)) {
      // a field of another kind of withdrawal is a mistake to name, not to ignore
      throw new MarketProblems.InvalidOrder("an ETH or WETH withdrawal has an amount and no collection or tokenId; an NFT's, the reverse");
    }
    return switch (asset) {
      case "ETH" -> {
        BigInteger amount = amount(request);
        yield transactions.enqueue(new TransactionIntent("WITHDRAW_ETH", wallet.id(), to, amount, new byte[0], ETH_TRANSFER_GAS,
            Optional.of(user), reason, Optional.empty()));
      }
      case "WETH" -> transactions.enqueue(new TransactionIntent("WITHDRAW_WETH", wallet.id(), weth.address(), BigInteger.ZERO,
          weth.transfer(to, Wei.of(amount(request))), TOKEN_CALL_GAS, Optional.of(user), reason, Optional.empty()));
      case "NFT" -> {
        NftCollection collection = new NftCollection(Inputs.address("collection", request.collection()));
        BigInteger tokenId = Inputs.uint("tokenId", request.tokenId());
        boolean walletOwns = nfts.token(new TokenRef(chainId, collection.address(), tokenId)).map(t -> wallet.address().equals(t.owner())).orElse(false);
        if (!walletOwns) {
          throw new MarketProblems.NotYourNft("Token " + tokenId + " of " + collection.address() + " is not in your wallet");
        }
        yield transactions.enqueue(new TransactionIntent("WITHDRAW_NFT", wallet.id(), collection.address(), BigInteger.ZERO,
            collection.safeTransferFrom(wallet.address(), to, tokenId), TOKEN_CALL_GAS, Optional.of(user), reason, Optional.empty()));
      }
      default -> throw new MarketProblems.InvalidOrder("asset must be ETH, WETH or NFT");
    };
  }

  /** ETH into WETH (deposit) or back (withdraw from the WETH contract). */
  @Transactional
  TransactionId wrap(UUID user, boolean wrap, @Nullable String amountWei, @Nullable String amount) {
    Wallet wallet = wallet(user);
    BigInteger value = Inputs.amount("amountWei", amountWei, "amount", amount);
    return transactions.enqueue(new TransactionIntent(wrap ? "WRAP_ETH" : "UNWRAP_WETH", wallet.id(), weth.address(), wrap ? value : BigInteger.ZERO,
        wrap ? weth.deposit() : weth.withdraw(Wei.of(value)), TOKEN_CALL_GAS, Optional.of(user),
        (wrap ? "wrap " : "unwrap ") + OrderView.ether(value) + " ETH", Optional.empty()));
  }

  private Wallet wallet(UUID user) {
    return wallets.walletOf(user).orElseThrow(MarketProblems.NoWallet::new);
  }

  private static BigInteger amount(Withdrawal request) {
    return Inputs.amount("amountWei", request.amountWei(), "amount", request.amount());
  }
}
