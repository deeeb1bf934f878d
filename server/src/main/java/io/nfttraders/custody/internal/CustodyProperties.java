package io.nfttraders.custody.internal;

import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param kekUri "local" for a keyset file in the data directory, or a cloud KMS key URI
 *     ({@code aws-kms://arn:...}, {@code gcp-kms://projects/...})
 * @param localKeyset the local keyset file; defaults to {@code <data-dir>/keys/kek.json}
 * @param allowedChainIds chains the signer will sign for; defaults to every enabled chain of nft.chains
 * @param maxSignaturesPerWalletPerMinute the signer's per-wallet rate limit: a guard against runaway loops, high
 *     enough for the platform wallet, which signs every sponsored mint and every minter grant
 * @param walletWithdrawals whether users' wallets may send ETH to any address (the withdraw command); off makes
 *     ETH leave only through our contracts
 */
@ConfigurationProperties("nft.custody")
record CustodyProperties(
    @DefaultValue("local") String kekUri,
    @Nullable String localKeyset,
    @Nullable Set<Long> allowedChainIds,
    @DefaultValue("12000") int maxSignaturesPerWalletPerMinute,
    @DefaultValue("true") boolean walletWithdrawals) {}
