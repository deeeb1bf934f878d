package io.nfttraders.signer;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the signer may sign. Checked before every signature.
 *
 * <ul>
 *   <li>Every transaction must target an allowed chain.
 *   <li>Only {@code deployers} may create contracts.
 *   <li>Only {@code platformWallets} may call addresses outside {@code allowedContracts} (e.g. to
 *       fund gas). They may also send plain value transfers (non-zero value, empty data), and so may
 *       every wallet when {@code walletWithdrawals} is on: users withdrawing their own ETH.
 *   <li>Everyone else may only call {@code allowedContracts}.
 *   <li>Each wallet gets at most {@code maxSignaturesPerWalletPerMinute} signatures of any kind in
 *       any sliding 60-second window.
 *   <li>EIP-712 requests must name an allowed chain and contract in their domain, if they name one.
 * </ul>
 *
 * @param allowedContracts addresses in any case; stored lower-case so comparisons ignore case
 * @param walletWithdrawals whether any wallet may send plain ETH transfers to any address
 */
public record SigningPolicy(
        Set<Long> allowedChainIds,
        Set<String> allowedContracts,
        Set<WalletId> deployers,
        Set<WalletId> platformWallets,
        int maxSignaturesPerWalletPerMinute,
        boolean walletWithdrawals) {

    /** A policy without wallet withdrawals. */
    public SigningPolicy(Set<Long> allowedChainIds, Set<String> allowedContracts, Set<WalletId> deployers,
            Set<WalletId> platformWallets, int maxSignaturesPerWalletPerMinute) {
        this(allowedChainIds, allowedContracts, deployers, platformWallets, maxSignaturesPerWalletPerMinute, false);
    }

    public SigningPolicy {
        allowedChainIds = Set.copyOf(Objects.requireNonNull(allowedChainIds, "allowedChainIds"));
        for (long chainId : allowedChainIds) {
            if (chainId <= 0) {
                throw new IllegalArgumentException("chain ids must be positive, was " + chainId);
            }
        }
        allowedContracts = Objects.requireNonNull(allowedContracts, "allowedContracts").stream()
                .map(a -> Checks.address(a, "allowedContracts entry").toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        deployers = Set.copyOf(Objects.requireNonNull(deployers, "deployers"));
        platformWallets = Set.copyOf(Objects.requireNonNull(platformWallets, "platformWallets"));
        if (maxSignaturesPerWalletPerMinute <= 0) {
            throw new IllegalArgumentException("maxSignaturesPerWalletPerMinute must be positive");
        }
    }

    public boolean allowsChain(long chainId) {
        return allowedChainIds.contains(chainId);
    }

    public boolean allowsContract(String address) {
        return allowedContracts.contains(address.toLowerCase(Locale.ROOT));
    }

    public boolean isDeployer(WalletId wallet) {
        return deployers.contains(wallet);
    }

    public boolean isPlatformWallet(WalletId wallet) {
        return platformWallets.contains(wallet);
    }

    /** The usual update after deploying our contracts: same rules, new contract list. */
    public SigningPolicy withAllowedContracts(Set<String> contracts) {
        return new SigningPolicy(allowedChainIds, contracts, deployers, platformWallets, maxSignaturesPerWalletPerMinute,
                walletWithdrawals);
    }
}
