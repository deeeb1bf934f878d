package io.nfttraders.bench;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Puts many real ERC-721 Transfer logs of the server's Collection on the chain, cheaply.
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
  /** A rotation costs ~47k gas per token (ownerOf + a transfer between existing holders); with headroom. */
  private static final long ROTATE_GAS_PER_TOKEN = 65_000;
  private static final Duration RECEIPTS = Duration.ofMinutes(3);

  /** Tokens {@code firstTokenId ..} exist and {@code transferLogs} Transfer logs were emitted in blocks up to {@code lastBlock}. */
  record Result(BigInteger firstTokenId, int tokens, long transferLogs, long lastBlock, Duration took) {}

  private ChainFixture() {}

  static Result build(DevChain chain, String collection, String minterWallet, int tokens, int rounds, int perTransaction) {
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

    BigInteger gas = BigInteger.valueOf(ROTATE_GAS_PER_TOKEN * perTransaction + 100_000);
    List<String> rotations = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int offset = 0; offset < tokens; offset += perTransaction) {
        rotations.add(chain.send(DevChain.DEV_ACCOUNT_1, operator,
            Contracts.rotate(collection, first.add(BigInteger.valueOf(offset)), perTransaction, ring), gas));
      }
    }
    long transferLogs = 0;
    long lastBlock = 0;
    for (TransactionReceipt receipt : chain.awaitReceipts(rotations, RECEIPTS)) {
      transferLogs += receipt.getLogs().stream().filter(l -> isTransferOf(l, collection)).count();
      lastBlock = Math.max(lastBlock, receipt.getBlockNumber().longValueExact());
    }
    if (transferLogs != (long) tokens * rounds) {
      throw new IllegalStateException("expected " + (long) tokens * rounds + " Transfer logs, the receipts have " + transferLogs);
    }
    return new Result(first, tokens, transferLogs, lastBlock, Duration.ofNanos(System.nanoTime() - started));
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
