package io.nfttraders.minting.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.chain.TokenRoyalties;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenView;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionView;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of NFTs: public details of one token, and the caller's own tokens. */
@RestController
class NftsController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final IndexedNfts nfts;
  private final TransactionManager transactions;
  private final CustodialWallets wallets;
  private final MintedItems items;
  private final TokenRoyalties royalties;

  NftsController(IndexedNfts nfts, TransactionManager transactions, CustodialWallets wallets, MintedItems items, TokenRoyalties royalties) {
    this.nfts = nfts;
    this.transactions = transactions;
    this.wallets = wallets;
    this.items = items;
    this.royalties = royalties;
  }

  @GetMapping("/api/v1/nfts/{chainId}/{contract}/{tokenId}")
  NftDetails nft(@PathVariable long chainId, @PathVariable String contract, @PathVariable String tokenId) {
    TokenRef ref = TokenRef.fromPath(chainId, contract, tokenId).orElseThrow(() -> new MintProblems.NftNotFound(chainId + "/" + contract + "/" + tokenId));
    TokenView token = nfts.token(ref).orElseThrow(() -> new MintProblems.NftNotFound(chainId + "/" + contract + "/" + tokenId));
    return details(token, royalties.of(ref).orElse(null), null);
  }

  @GetMapping("/api/v1/user/nfts")
  List<NftDetails> mine(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
    Optional<Wallet> wallet = wallets.walletOf(CurrentUser.id(authentication));
    return wallet.map(w -> nfts.holdings(w.address(), Math.clamp(limit, 1, 200)).stream().map(h -> details(h.token(), null, h.copies())).toList()).orElse(List.of());
  }

  /**
   * {@code royalty}: read from the chain for a single NFT only, not for each of a list's;
   * {@code copies}: in a holder's list, how many of the token they hold.
   */
  private NftDetails details(TokenView token, @Nullable Royalty royalty, @Nullable BigInteger copies) {
    Optional<TransactionView> mintTx = transactions.findByHash(token.mintTransactionHash());
    Optional<MintedItems.Item> item = items.item(token);
    List<NftDetails.Transfer> provenance = nfts.provenance(token.token()).stream()
        .map(t -> new NftDetails.Transfer(t.from(), t.to(), t.blockNumber(), t.transactionHash()))
        .toList();
    TokenRef ref = token.token();
    return new NftDetails(ref.chainId(), ref.contract(), ref.tokenId().toString(), token.owner(), token.burned(),
        item.map(MintedItems.Item::tokenUri).orElse(null),
        item.map(i -> parse(i.metadata())).orElse(null),
        item.map(i -> "/ipfs/" + i.imageCid()).orElse(null),
        new NftDetails.Mint(token.mintTransactionHash(), token.mintedBlock(), mintTx.map(tx -> tx.status().name()).orElse(null)),
        provenance, royalty, token.standard(), copies);
  }

  private static @Nullable JsonNode parse(String json) {
    return JSON.readTree(json);
  }
}
