package io.nfttraders.deployment.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.CollectionFactory;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.chain.NftCollection;
import io.nfttraders.chain.Receipt;
import io.nfttraders.chain.SignableContracts;
import io.nfttraders.chain.Weth;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TransactionRequest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes1;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint96;
import org.web3j.utils.Numeric;

/**
 * Deploys our contracts with the platform wallet the first time the server meets a chain, remembers
 * their addresses, and lets the signer sign for them.
 */
final class ContractDeployer {

  private static final Logger log = LoggerFactory.getLogger(ContractDeployer.class);
  private static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);
  private static final BigInteger DEFAULT_ROYALTY_BPS = BigInteger.valueOf(500);
  private static final BigInteger DEFAULT_FEE_BPS = BigInteger.valueOf(250);
  private static final BigInteger DEFAULT_MAX_ROYALTY_BPS = BigInteger.valueOf(1000);

  private final String key;
  private final ChainClient chain;
  private final ChainProperties properties;
  private final Signer signer;
  private final SignableContracts signable;
  private final Address platform;
  private final JdbcClient jdbc;

  ContractDeployer(Chains.Chain target, Signer signer, SignableContracts signable, CustodialWallets wallets, JdbcClient jdbc) {
    this.key = target.key();
    this.chain = target.client();
    this.signable = signable;
    this.properties = target.properties();
    this.signer = signer;
    this.platform = wallets.platformWallet().address();
    this.jdbc = jdbc;
  }

  DeployedContracts ensureDeployed() {
    String collection = known("Collection").orElseGet(this::deployCollection);
    requireCurrentCode(Address.of(collection), ContractArtifact.load("Collection"));
    String weth = known("WETH").orElseGet(() -> deploy("WETH", ContractArtifact.load("WETH"), ""));
    String exchange = known("Exchange").filter(this::runsCurrentExchange).orElseGet(() -> deployExchange(weth));
    String factory = known("CollectionFactory").orElseGet(this::deployFactory);
    signable.allow(Stream.of(collection, weth, exchange, factory).map(Address::of).toList());
    signable.allowApprovalsOf(Address.of(exchange));
    return new DeployedContracts(ChainId.of(properties.id()), new NftCollection(Address.of(collection)), new Weth(Address.of(weth)), Address.of(exchange),
        new CollectionFactory(Address.of(factory)));
  }

  private static org.web3j.abi.datatypes.Address abi(Address address) {
    return new org.web3j.abi.datatypes.Address(address.hex());
  }

  private Optional<String> known(String name) {
    Optional<String> address = jdbc.sql("select address from chain_contracts where chain_id = :chain and name = :name")
        .param("chain", properties.id())
        .param("name", name)
        .query(String.class)
        .optional();
    if (address.isPresent() && !chain.hasCode(Address.of(address.get()))) {
      if (!properties.isEmbedded()) {
        // On a real chain this is a lagging node or the wrong chain, never a reason to deploy anew
        // (that would orphan every token recorded against the old address).
        throw new IllegalStateException("contract " + name + " recorded at " + address.get() + " has no code on chain " + properties.id()
            + "; check nft.chains." + key + ".rpc-url");
      }
      log.warn("contract {} recorded at {} has no code on the dev chain (its state was reset); deploying again", name, address.get());
      // The reset chain starts every sender's nonce again.
      jdbc.sql("delete from wallet_nonces where chain_id = :chain").param("chain", properties.id()).update();
      return Optional.empty();
    }
    return address;
  }

  /**
   * The server's calls are those of its own version of a contract. On the dev chain an earlier
   * version's code is replaced in place (its state stays: versions only ever add storage after what
   * earlier ones wrote); on a real chain code cannot change, so the server refuses to start.
   */
  private void requireCurrentCode(Address contract, ContractArtifact artifact) {
    if (chain.code(contract).equals(artifact.deployedBytecode())) {
      return;
    }
    if (!properties.isEmbedded()) {
      throw new IllegalStateException("contract " + artifact.name() + " at " + contract + " on chain " + properties.id()
          + " runs another version of its code than this server's; its calls would fail");
    }
    chain.request("anvil_setCode", List.of(contract.hex(), artifact.deployedBytecode()), org.web3j.protocol.core.methods.response.VoidResponse.class);
    log.warn("contract {} at {} on the dev chain ran an earlier version; its code is now this server's, its state kept", artifact.name(), contract);
  }

  /**
   * Orders are signed for one version of the exchange's order type, which its EIP-712 domain
   * names: an exchange of another version can fill none of ours, so a new one takes its place
   * (the market closes the orders made for the old one).
   */
  private boolean runsCurrentExchange(String address) {
    Function domain = new Function("eip712Domain", List.of(), List.of(new TypeReference<Bytes1>() {}, new TypeReference<Utf8String>() {},
        new TypeReference<Utf8String>() {}));
    List<Type> answer = FunctionReturnDecoder.decode(chain.call(Address.of(address), Numeric.hexStringToByteArray(FunctionEncoder.encode(domain))),
        domain.getOutputParameters());
    String version = answer.size() == 3 ? (String) answer.get(2).getValue() : "";
    if (version.equals(DeployedContracts.EXCHANGE_VERSION)) {
      return true;
    }
    log.warn("the exchange at {} on chain {} is version '{}', this server's is {}: deploying the current one", address, properties.id(), version,
        DeployedContracts.EXCHANGE_VERSION);
    return false;
  }

  private String deployCollection() {
    List<Type> args = List.of(
        new Utf8String("NFT Traders"),
        new Utf8String("NFTT"),
        abi(platform),
        abi(platform),
        new Uint96(DEFAULT_ROYALTY_BPS));
    return deploy("Collection", ContractArtifact.load("Collection"), FunctionEncoder.encodeConstructor(args));
  }

  /**
   * The factory of creators' collections and the two implementations its clones run. The ERC-721
   * one is a collection of its own, set up by its constructor so that no one can set it up again.
   */
  private String deployFactory() {
    String erc721 = known("CollectionImplementation").orElseGet(() -> deploy("CollectionImplementation", ContractArtifact.load("Collection"),
        FunctionEncoder.encodeConstructor(List.of(new Utf8String("NFT Traders collection implementation"), new Utf8String("NFTT-IMPL"),
            abi(platform), abi(platform), new Uint96(BigInteger.ZERO)))));
    String erc1155 = known("Editions").orElseGet(() -> deploy("Editions", ContractArtifact.load("Editions"), ""));
    return deploy("CollectionFactory", ContractArtifact.load("CollectionFactory"),
        FunctionEncoder.encodeConstructor(List.of(abi(Address.of(erc721)), abi(Address.of(erc1155)))));
  }

  /**
   * Owned by the platform wallet, which also receives the fee. These are starting values: the market
   * module brings fee and royalty cap in line with its configuration when it starts.
   */
  private String deployExchange(String weth) {
    List<Type> args = List.of(
        abi(platform),
        abi(platform),
        new Uint16(DEFAULT_FEE_BPS),
        new Uint16(DEFAULT_MAX_ROYALTY_BPS),
        abi(Address.of(weth)));
    return deploy("Exchange", ContractArtifact.load("Exchange"), FunctionEncoder.encodeConstructor(args));
  }

  /** Deploys the artifact and records it under {@code name}. */
  private String deploy(String name, ContractArtifact artifact, String encodedConstructor) {
    fundPlatformWalletOnDevChain();
    String data = artifact.bytecode() + encodedConstructor;
    BigInteger gas = chain.estimateGas(platform, null, BigInteger.ZERO, Numeric.hexStringToByteArray(data));
    FeeQuote fees = chain.fees();
    SignedTransaction tx = signer.sign(new TransactionRequest(
        PlatformWallet.ID, properties.id(), chain.pendingNonce(platform), gas.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN),
        null, BigInteger.ZERO, Numeric.hexStringToByteArray(data), fees.maxPriorityFeePerGas(), fees.maxFeePerGas(),
        "chain.deployer", "deploy " + artifact.name()));
    String hash = chain.sendRawTransaction(tx.rawTransaction());
    Receipt receipt = chain.awaitReceipt(hash, Duration.ofMinutes(5))
        .orElseThrow(() -> new IllegalStateException("deployment of " + artifact.name() + " not mined: tx " + hash));
    Address deployed = receipt.contractAddress();
    if (!receipt.succeeded() || deployed == null) {
      throw new IllegalStateException("deployment of " + artifact.name() + " reverted: tx " + hash);
    }
    jdbc.sql("""
            insert into chain_contracts (chain_id, name, address, deploy_tx, deploy_block) values (:chain, :name, :address, :tx, :block)
            on conflict (chain_id, name) do update set address = excluded.address, deploy_tx = excluded.deploy_tx,
              deploy_block = excluded.deploy_block, deployed_at = now()
            """)
        .param("chain", properties.id())
        .param("name", name)
        .param("address", deployed.hex())
        .param("tx", hash)
        .param("block", receipt.blockNumber().longValueExact())
        .update();
    // the deployment took the platform wallet's next nonce outside the transaction manager: its next ones follow it
    jdbc.sql("update wallet_nonces set next_nonce = greatest(next_nonce, :next) where chain_id = :chain and lower(address) = :platform")
        .param("next", tx.nonce().longValueExact() + 1).param("chain", properties.id()).param("platform", platform.hex()).update();
    log.info("deployed {} at {} chainId={} tx={} gasUsed={}", artifact.name(), deployed, properties.id(), hash, receipt.gasUsed());
    return deployed.hex();
  }

  /** On the dev chain the platform wallet is topped up from an anvil account; elsewhere the operator funds it. */
  private void fundPlatformWalletOnDevChain() {
    if (!properties.isEmbedded()) {
      if (chain.balance(platform).signum() == 0) {
        throw new IllegalStateException("platform wallet " + platform + " has no funds on chain " + properties.id() + "; fund it to deploy our contracts");
      }
      return;
    }
    if (chain.balance(platform).compareTo(ONE_ETH.multiply(BigInteger.TEN)) < 0) {
      String hash = chain.sendFromUnlockedAccount(properties.embedded().devAccount(), platform, ONE_ETH.multiply(BigInteger.valueOf(1000)));
      chain.awaitReceipt(hash, Duration.ofMinutes(1)).orElseThrow(() -> new IllegalStateException("platform funding not mined: " + hash));
    }
  }

}
