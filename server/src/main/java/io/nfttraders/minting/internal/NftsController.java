package io.nfttraders.minting.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenView;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionView;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.web3j.crypto.Keys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of NFTs: public details of one token, and the caller's own tokens. */
@RestController
class NftsController {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern TOKEN_ID = Pattern.compile("[0-9]{1,78}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final IndexedNfts nfts;
  private final TransactionManager transactions;
  private final CustodialWallets wallets;
  private final MintedItems items;

  NftsController(IndexedNfts nfts, TransactionManager transactions, CustodialWallets wallets, MintedItems items) {
    this.nfts = nfts;
    this.transactions = transactions;
    this.wallets = wallets;
    this.items = items;
  }

  @GetMapping("/api/v1/nfts/{chainId}/{contract}/{tokenId}")
  NftDetails nft(@PathVariable long chainId, @PathVariable String contract, @PathVariable String tokenId) {
    String what = chainId + "/" + contract + "/" + tokenId;
    if (!ADDRESS.matcher(contract).matches() || !TOKEN_ID.matcher(tokenId).matches()) {
      throw new MintProblems.NftNotFound(what);
    }
    TokenView token = nfts.token(chainId, contract, new BigInteger(tokenId)).orElseThrow(() -> new MintProblems.NftNotFound(what));
    return details(token);
  }

  @GetMapping("/api/v1/user/nfts")
  List<NftDetails> mine(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
    Optional<Wallet> wallet = wallets.walletOf(CurrentUser.id(authentication));
    return wallet.map(w -> nfts.ownedBy(w.address(), Math.clamp(limit, 1, 200)).stream().map(this::details).toList()).orElse(List.of());
  }

  private NftDetails details(TokenView token) {
    Optional<TransactionView> mintTx = transactions.findByHash(token.mintTransactionHash());
    Optional<MintedItems.Item> item = items.item(token);
    List<NftDetails.Transfer> provenance = nfts.provenance(token.chainId(), token.contract(), token.tokenId()).stream()
        .map(t -> new NftDetails.Transfer(checksum(t.from()), checksum(t.to()), t.blockNumber(), t.transactionHash()))
        .toList();
    return new NftDetails(token.chainId(), checksum(token.contract()), token.tokenId().toString(),
        token.owner() == null ? null : checksum(token.owner()), token.burned(),
        item.map(MintedItems.Item::tokenUri).orElse(null),
        item.map(i -> parse(i.metadata())).orElse(null),
        item.map(i -> "/ipfs/" + i.imageCid()).orElse(null),
        new NftDetails.Mint(token.mintTransactionHash(), token.mintedBlock(), mintTx.map(tx -> tx.status().name()).orElse(null)),
        provenance);
  }

  private static @Nullable JsonNode parse(String json) {
    return JSON.readTree(json);
  }

  private static String checksum(String address) {
    return Keys.toChecksumAddress(address);
  }
}
