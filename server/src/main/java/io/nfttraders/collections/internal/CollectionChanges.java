package io.nfttraders.collections.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.NftCollection;
import io.nfttraders.collections.CreatorCollection;
import io.nfttraders.collections.CreatorCollections;
import io.nfttraders.content.Cid;
import io.nfttraders.content.ContentStore;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.UnsignedTransaction;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.utils.Numeric;

/**
 * A creator changes their collection: the royalty (ERC-2981 default royalty) and the ERC-7572
 * metadata (a new document, whose digest the contract then points at), by transactions from the
 * collection's owner wallet: sent through the signer for a custodial creator, handed over to sign
 * otherwise. The collection's record shows the change at once.
 */
@Service
class CollectionChanges {

  private static final Logger log = LoggerFactory.getLogger(CollectionChanges.class);
  private static final BigInteger CHANGE_GAS = BigInteger.valueOf(120_000);

  /** What a change sent: our transactions to follow, or those the creator's own wallet must send. */
  record Changed(CollectionView collection, List<String> transactionIds, List<UnsignedTransaction> transactionsToSign) {}

  private final CreatorCollections collections;
  private final CollectionReads reads;
  private final ContentStore content;
  private final CustodialWallets wallets;
  private final TransactionManager transactions;
  private final TransactionTemplate inTransaction;
  private final JdbcClient jdbc;
  private final ChainId chainId;
  private final int maxRoyaltyBps;

  CollectionChanges(CreatorCollections collections, CollectionReads reads, ContentStore content, CustodialWallets wallets,
      TransactionManager transactions, TransactionTemplate inTransaction, JdbcClient jdbc, DeployedContracts contracts,
      @Value("${nft.market.max-royalty-bps:1000}") int maxRoyaltyBps) {
    this.collections = collections;
    this.reads = reads;
    this.content = content;
    this.wallets = wallets;
    this.transactions = transactions;
    this.inTransaction = inTransaction;
    this.jdbc = jdbc;
    this.chainId = contracts.chainId();
    this.maxRoyaltyBps = maxRoyaltyBps;
  }

  Changed change(UUID user, Address address, CollectionChange requested) {
    CollectionChange.Valid change = requested.validated(maxRoyaltyBps);
    CreatorCollection collection = collections.find(chainId, address).orElseThrow(() -> new CollectionProblems.CollectionNotFound(address.checksummed()));
    if (!collection.creator().equals(user)) {
      throw new CollectionProblems.NotTheCollectionsOwner();
    }
    if (!collection.created()) {
      throw new CollectionProblems.NotCreatedYet(address);
    }
    CollectionView before = reads.view(chainId, address).orElseThrow();
    Royalty royalty = new Royalty(change.royaltyReceiver() == null ? collection.royalty().receiver() : change.royaltyReceiver(),
        change.royaltyBps() == null ? collection.royalty().bps() : change.royaltyBps());
    String description = change.description() == null ? before.description() : change.description().isEmpty() ? null : change.description();
    Cid image = before.imageUrl() == null ? null : Cid.parse(before.imageUrl().substring("/ipfs/".length()));
    Cid metadata = content.putFile(CollectionMetadata.json(collection.name(), description, image, royalty), "application/json").cid();

    NftCollection contract = new NftCollection(address);
    List<byte[]> calls = new ArrayList<>();
    if (!royalty.equals(collection.royalty())) {
      calls.add(contract.setDefaultRoyalty(royalty));
    }
    calls.add(contract.setContractMetadata(metadata.sha256Digest()));
    Optional<Wallet> custodial = wallets.walletOf(user).filter(w -> w.address().equals(collection.owner()));
    List<String> sent = new ArrayList<>();
    inTransaction.executeWithoutResult(status -> {
      custodial.ifPresent(wallet -> calls.forEach(data -> sent.add(send(user, wallet, address, data).toString())));
      jdbc.sql("""
              update creator_collections set royalty_receiver = :receiver, royalty_bps = :bps, description = :description, metadata_cid = :metadata
              where chain_id = :chain and address = :address
              """)
          .param("receiver", royalty.receiver().hex()).param("bps", royalty.bps()).param("description", description)
          .param("metadata", metadata.toString()).param("chain", chainId.value()).param("address", address.hex())
          .update();
    });
    log.info("collection changed address={} userId={} royaltyBps={} transactions={}", address, user, royalty.bps(), sent);
    List<UnsignedTransaction> toSign = custodial.isPresent() ? List.of()
        : calls.stream().map(data -> new UnsignedTransaction(chainId, collection.owner(), address, Numeric.toHexString(data), "0")).toList();
    return new Changed(reads.view(chainId, address).orElseThrow(), sent, toSign);
  }

  private TransactionId send(UUID user, Wallet wallet, Address collection, byte[] data) {
    return transactions.enqueue(new TransactionIntent("CHANGE_COLLECTION", wallet.id(), collection, BigInteger.ZERO, data, CHANGE_GAS,
        Optional.of(user), "change collection " + collection.checksummed(), Optional.empty()));
  }
}
