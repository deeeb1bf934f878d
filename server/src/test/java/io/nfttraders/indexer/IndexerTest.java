package io.nfttraders.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MarketplaceTest
class IndexerTest {

  @LocalServerPort int port;
  @Autowired TransactionManager transactions;
  @Autowired IndexedNfts nfts;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired Signer signer;
  String collection;
  Api api;

  @BeforeEach
  void setUp() {
    collection = contracts.collection().address().checksummed();
    api = new Api(port);
  }

  private static byte[] randomDigest() {
    byte[] digest = new byte[32];
    new SecureRandom().nextBytes(digest);
    return digest;
  }

  private List<TokenView> mintedAndConfirmed(byte[] call, BigInteger gas) {
    TransactionId id = transactions.enqueue(new TransactionIntent("TEST_MINT", PlatformWallet.ID, Address.of(collection), BigInteger.ZERO, call, gas,
        Optional.empty(), "indexer test", Optional.empty()));
    await().atMost(Duration.ofSeconds(30)).until(() -> transactions.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED);
    String hash = transactions.find(id).orElseThrow().hash();
    await().atMost(Duration.ofSeconds(30)).until(() -> !nfts.mintedBy(hash).isEmpty());
    return nfts.mintedBy(hash);
  }

  @Test
  void followsAMintAndATransferMadeDirectlyOnChain() throws Exception {
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    TokenView minted = mintedAndConfirmed(CollectionAbi.mint(alice.walletAddress(), randomDigest()), BigInteger.valueOf(200_000)).getFirst();
    assertThat(minted.owner()).isEqualTo(Address.of(alice.walletAddress()));
    assertThat(CollectionAbi.ownerOf(chain, collection, minted.token().tokenId())).isEqualToIgnoringCase(alice.walletAddress());

    // Alice moves the token herself, bypassing our API and transaction manager.
    await().atMost(Duration.ofSeconds(30)).until(() -> chain.balance(Address.of(alice.walletAddress())).signum() > 0);
    long aliceIndex = api.get("/api/v1/user/profile", alice.accessToken()).json().get("walletIndex").asLong();
    FeeQuote fees = chain.fees();
    SignedTransaction transfer = signer.sign(new TransactionRequest(new WalletId(aliceIndex), chain.endpoint().chainId(),
        chain.pendingNonce(Address.of(alice.walletAddress())), BigInteger.valueOf(150_000), collection, BigInteger.ZERO,
        CollectionAbi.transferFrom(alice.walletAddress(), bob.walletAddress(), minted.token().tokenId()), fees.maxPriorityFeePerGas(),
        fees.maxFeePerGas(), "test", "transfer outside the platform"));
    chain.awaitReceipt(chain.sendRawTransaction(transfer.rawTransaction()), Duration.ofSeconds(30)).orElseThrow();

    await().atMost(Duration.ofSeconds(30))
        .until(() -> Address.of(bob.walletAddress()).equals(nfts.token(minted.token()).orElseThrow().owner()));
    assertThat(CollectionAbi.ownerOf(chain, collection, minted.token().tokenId())).isEqualToIgnoringCase(bob.walletAddress());
    List<TransferView> provenance = nfts.provenance(minted.token());
    assertThat(provenance).extracting(TransferView::to).containsExactly(Address.of(alice.walletAddress()), Address.of(bob.walletAddress()));
    assertThat(provenance.getLast().transactionHash()).isEqualTo(transfer.transactionHash());
  }

  @Test
  void indexesEveryTokenOfABatchMint() {
    Api.Session carol = api.newUser();
    List<TokenView> minted = mintedAndConfirmed(CollectionAbi.mintBatch(carol.walletAddress(), 25, randomDigest()), BigInteger.valueOf(400_000));
    assertThat(minted).hasSize(25);
    assertThat(minted).allMatch(t -> Address.of(carol.walletAddress()).equals(t.owner()));
    TokenView last = minted.getLast();
    assertThat(last.token().tokenId()).isEqualTo(minted.getFirst().token().tokenId().add(BigInteger.valueOf(24)));
    assertThat(CollectionAbi.ownerOf(chain, collection, last.token().tokenId())).isEqualToIgnoringCase(carol.walletAddress());
  }
}
