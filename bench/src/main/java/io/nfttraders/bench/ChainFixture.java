package io.nfttraders.bench;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Puts many real ERC-721 Transfer logs of the server's Collection on the chain, cheaply, among the
 * ERC-20 and ERC-1155 traffic of other contracts (OpenZeppelin's, benchmark-only).
 *
 * <ol>
 *   <li>A user's custodial wallet, once the server granted it MINTER_ROLE (its first mint through
 *       the API), mints the tokens in batches of 1,000 to anvil's dev accounts #2 to #9 (the ring).
 *       The wallet's key stays in the server's signer: anvil impersonates the wallet
 *       ({@code anvil_impersonateAccount}), which a dev chain allows and no real one does.
 *   <li>The ring's holders approve the benchmark-only {@code TransferRing} contract as operator.
 *   <li>{@code TransferRing.rotate} moves each token of a range to the next holder of the ring,
 *       one Transfer log per token, {@code perTransaction} tokens per transaction; every round moves
 *       every token once.
 * </ol>
 *
 * Transactions stay under 15M gas (half of anvil's 30M block gas limit), so the base fee does not
 * climb block after block.
 */
final class ChainFixture {

  private static final int BATCH = 1_000;
  private static final BigInteger BATCH_GAS = BigInteger.valueOf(3_000_000);
  private static final BigInteger APPROVAL_GAS = BigInteger.valueOf(100_000);
  private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(2_000_000);
  private static final BigInteger TOKEN_DEPLOY_GAS = BigInteger.valueOf(6_000_000);
  /** A rotation costs ~47k gas per token (ownerOf + a transfer between existing holders); with headroom. */
  private static final long ROTATE_GAS_PER_TOKEN = 65_000;
  private static final Duration RECEIPTS = Duration.ofMinutes(10);

  /**
   * Tokens {@code firstTokenId ..} exist and {@code transferLogs} ERC-721 Transfer logs were emitted, beside {@code erc20Logs}
   * ERC-20 Transfer and {@code erc1155Logs} ERC-1155 transfer logs of other contracts, in blocks up to {@code lastBlock}.
   */
  record Result(BigInteger firstTokenId, int tokens, long transferLogs, long erc20Logs, long erc1155Logs, long lastBlock, Duration took) {}

  /** Transfers per churn transaction: ~10k gas each for ERC-20, ~20k for ERC-1155, so 10M and 10M gas. */
  private static final int ERC20_PER_TRANSACTION = 1_000;
  private static final int ERC1155_PER_TRANSACTION = 500;
  private static final BigInteger CHURN_GAS = BigInteger.valueOf(14_000_000);

  private ChainFixture() {}

  static Result build(DevChain chain, String collection, String minterWallet, int tokens, int rounds, int perTransaction, int erc20Logs,
      int erc1155Logs) {
    if (tokens % BATCH != 0 || tokens % perTransaction != 0) {
      throw new IllegalArgumentException("tokens must be a multiple of " + BATCH + " and of the tokens per transaction");
    }
    long started = System.nanoTime();
    List<String> ring = DevChain.DEV_ACCOUNTS_2_TO_9;
    BigInteger first = mint(chain, collection, minterWallet, tokens, ring);
    String operator = chain.awaitReceipt(chain.send(DevChain.DEV_ACCOUNT_1, null, Contracts.transferRingDeployment(), DEPLOY_GAS), RECEIPTS)
        .getContractAddress();
    List<String> approvals = ring.stream().map(holder -> chain.send(holder, collection, Contracts.setApprovalForAll(operator), APPROVAL_GAS)).toList();
    chain.awaitReceipts(approvals, RECEIPTS);

    // the other tokens are deployed before the rotations are queued: a deployment behind thousands of them waits minutes
    String coin = deploy(chain, "BenchCoin", ring, erc20Logs);
    String editions = deploy(chain, "BenchEditions", ring, erc1155Logs);
    BigInteger gas = BigInteger.valueOf(ROTATE_GAS_PER_TOKEN * perTransaction + 100_000);
    List<String> rotations = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int offset = 0; offset < tokens; offset += perTransaction) {
        rotations.add(chain.send(DevChain.DEV_ACCOUNT_1, operator,
            Contracts.rotate(collection, first.add(BigInteger.valueOf(offset)), perTransaction, ring), gas));
      }
    }
    List<String> others = new ArrayList<>();
    others.addAll(churn(chain, coin, ring, erc20Logs, ERC20_PER_TRANSACTION));
    others.addAll(churn(chain, editions, ring, erc1155Logs, ERC1155_PER_TRANSACTION));
    long transferLogs = 0;
    long erc20 = 0;
    long erc1155 = 0;
    long lastBlock = 0;
    List<String> all = new ArrayList<>(rotations);
    all.addAll(others);
    for (TransactionReceipt receipt : chain.awaitReceipts(all, RECEIPTS)) {
      transferLogs += receipt.getLogs().stream().filter(l -> isTransferOf(l, collection)).count();
      erc20 += receipt.getLogs().stream().filter(l -> l.getTopics().size() == 3 && l.getTopics().getFirst().equalsIgnoreCase(Contracts.TRANSFER_TOPIC)).count();
      erc1155 += receipt.getLogs().stream().filter(l -> l.getTopics().getFirst().equalsIgnoreCase(Contracts.TRANSFER_SINGLE_TOPIC)
          || l.getTopics().getFirst().equalsIgnoreCase(Contracts.TRANSFER_BATCH_TOPIC)).count();
      lastBlock = Math.max(lastBlock, receipt.getBlockNumber().longValueExact());
    }
    if (transferLogs != (long) tokens * rounds || erc20 != erc20Logs || erc1155 != erc1155Logs) {
      throw new IllegalStateException("expected " + (long) tokens * rounds + " ERC-721, " + erc20Logs + " ERC-20 and " + erc1155Logs
          + " ERC-1155 transfer logs, the receipts have " + transferLogs + ", " + erc20 + " and " + erc1155);
    }
    return new Result(first, tokens, transferLogs, erc20, erc1155, lastBlock, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Deploys a benchmark-only token contract, unless none of its logs are wanted (then null). */
  private static String deploy(DevChain chain, String contract, List<String> ring, int logs) {
    return logs == 0 ? null
        : chain.awaitReceipt(chain.send(DevChain.DEV_ACCOUNT_1, null, Contracts.benchTokenDeployment(contract, ring), TOKEN_DEPLOY_GAS), RECEIPTS)
            .getContractAddress();
  }

  /** Sends the token's churn: {@code logs} transfers around the ring; answers the transactions. */
  private static List<String> churn(DevChain chain, String token, List<String> ring, int logs, int perTransaction) {
    if (logs == 0) {
      return List.of();
    }
    List<String> sent = new ArrayList<>();
    for (int done = 0; done < logs; done += perTransaction) {
      sent.add(chain.send(DevChain.DEV_ACCOUNT_1, token, Contracts.churn(ring, Math.min(perTransaction, logs - done)), CHURN_GAS));
    }
    return sent;
  }

  /** Mints the tokens in batches to the ring's holders, round robin; returns the first token id. */
  private static BigInteger mint(DevChain chain, String collection, String minterWallet, int tokens, List<String> ring) {
    chain.impersonate(minterWallet);
    try {
      List<String> batches = new ArrayList<>();
      for (int b = 0; b < tokens / BATCH; b++) {
        batches.add(chain.send(minterWallet, collection, Contracts.mintBatch(ring.get(b % ring.size()), BATCH, Contracts.digest("backfill " + b)),
            BATCH_GAS));
      }
      List<TransactionReceipt> receipts = chain.awaitReceipts(batches, RECEIPTS);
      Log firstRange = receipts.getFirst().getLogs().stream()
          .filter(l -> l.getTopics().getFirst().equalsIgnoreCase(Contracts.CONSECUTIVE_TRANSFER_TOPIC))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("mintBatch emitted no ConsecutiveTransfer"));
      return Numeric.toBigInt(firstRange.getTopics().get(1));
    } finally {
      chain.stopImpersonating(minterWallet);
    }
  }

  private static boolean isTransferOf(Log log, String collection) {
    return log.getAddress().equalsIgnoreCase(collection) && log.getTopics().size() == 4
        && log.getTopics().getFirst().equalsIgnoreCase(Contracts.TRANSFER_TOPIC);
  }
}
