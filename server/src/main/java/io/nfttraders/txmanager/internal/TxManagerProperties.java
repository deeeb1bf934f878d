package io.nfttraders.txmanager.internal;

import java.math.BigInteger;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmations blocks (including the transaction's own) before it counts as CONFIRMED
 * @param maxFeePerGasWei never pay more per gas than this; above it transactions wait
 * @param rebroadcastAfter a sent transaction without receipt is broadcast again after this
 * @param replaceAfter ... and replaced at the same nonce with bumped fees after this
 * @param feeBumpPercent how much a replacement raises both fees (nodes require at least 10)
 * @param batchSize how many transactions one pipeline step handles at most
 * @param refusalsBeforeFillingNonce how often the node may refuse the same signed transaction
 *     before it is given up and its nonce used by a no-op
 */
@ConfigurationProperties("nft.txmanager")
record TxManagerProperties(
    @DefaultValue("1") int confirmations,
    @DefaultValue("500000000000") BigInteger maxFeePerGasWei,
    @DefaultValue("15s") Duration rebroadcastAfter,
    @DefaultValue("60s") Duration replaceAfter,
    @DefaultValue("15") int feeBumpPercent,
    @DefaultValue("200") int batchSize,
    @DefaultValue("50ms") Duration idlePoll,
    @DefaultValue("30s") Duration maxBackoff,
    @DefaultValue("20") int refusalsBeforeFillingNonce) {}
