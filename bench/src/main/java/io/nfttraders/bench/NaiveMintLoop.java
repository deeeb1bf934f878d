package io.nfttraders.bench;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The baseline: what a naive app does with web3j against the same anvil. Mint one token,
 * wait for its receipt (polled every millisecond), repeat. It uses a Collection of its own,
 * deployed from anvil's dev account #1 (unlocked, so anvil signs and no key is in our code), which
 * holds MINTER_ROLE as its admin.
 */
final class NaiveMintLoop {

  private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(10_000_000);
  private static final BigInteger MINT_GAS = BigInteger.valueOf(200_000);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

  /** {@code mints} confirmed in {@code elapsed} (first send to last receipt), with the latency of each send-and-wait. */
  record Result(int mints, Duration elapsed, Latency latency) {
    double perSecond() {
      return mints / (elapsed.toNanos() / 1e9);
    }
  }

  private NaiveMintLoop() {}

  static Result run(DevChain chain, int iterations) {
    String from = DevChain.DEV_ACCOUNT_1;
    String deploy = chain.send(from, null, Contracts.collectionDeployment("Naive baseline", "NAIVE", from, from, 500), DEPLOY_GAS);
    String collection = chain.awaitReceipt(deploy, RECEIPT_TIMEOUT).getContractAddress();
    List<String> recipients = recipients(20); // like the API run: 20 holders
    Histogram histogram = Latency.newHistogram();
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      long sent = System.nanoTime();
      String hash = chain.send(from, collection, Contracts.mint(recipients.get(i % recipients.size()), Contracts.digest("naive " + i)), MINT_GAS);
      chain.awaitReceipt(hash, RECEIPT_TIMEOUT);
      histogram.recordValue((System.nanoTime() - sent) / 1_000);
    }
    return new Result(iterations, Duration.ofNanos(System.nanoTime() - start), Latency.of(histogram));
  }

  /** Addresses nobody holds a key for, so every one starts as a fresh holder, as new users' wallets do. */
  static List<String> recipients(int count) {
    List<String> addresses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] hash = Hash.sha3(("bench recipient " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      addresses.add(Numeric.toHexString(hash, 12, 20, true));
    }
    return addresses;
  }
}
