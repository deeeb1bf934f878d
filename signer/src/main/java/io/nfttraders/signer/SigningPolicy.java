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
 *   <li>Everyone else may only call {@code allowedContracts}, and any contract with exactly
 *       {@code setApprovalForAll(operator, approved)} for an operator in {@code approvalOperators}
 *       (ERC-721 and ERC-1155 share it): so a wallet's tokens of any collection can be put on the
 *       market, and the worst a hostile contract gets from the call is the gas it burns.
 *   <li>Each wallet gets at most {@code maxSignaturesPerWalletPerMinute} signatures of any kind in
 *       any sliding 60-second window.
 *   <li>EIP-712 requests must name an allowed chain and contract in their domain, if they name one.
 * </ul>
 *
 * @param allowedContracts addresses in any case; stored lower-case so comparisons ignore case
 * @param walletWithdrawals whether any wallet may send plain ETH transfers to any address
 * @param approvalOperators operators (our exchange) any wallet may approve on any token contract; lower-case
 */
public record SigningPolicy(
        Set<Long> allowedChainIds,
        Set<String> allowedContracts,
        Set<WalletId> deployers,
        Set<WalletId> platformWallets,
        int maxSignaturesPerWalletPerMinute,
        boolean walletWithdrawals,
        Set<String> approvalOperators) {

    /** A policy without wallet withdrawals. */
    public SigningPolicy(Set<Long> allowedChainIds, Set<String> allowedContracts, Set<WalletId> deployers,
            Set<WalletId> platformWallets, int maxSignaturesPerWalletPerMinute) {
        this(allowedChainIds, allowedContracts, deployers, platformWallets, maxSignaturesPerWalletPerMinute, false);
    }

    /** A policy without approval operators. */
    public SigningPolicy(Set<Long> allowedChainIds, Set<String> allowedContracts, Set<WalletId> deployers,
            Set<WalletId> platformWallets, int maxSignaturesPerWalletPerMinute, boolean walletWithdrawals) {
        this(allowedChainIds, allowedContracts, deployers, platformWallets, maxSignaturesPerWalletPerMinute, walletWithdrawals, Set.of());
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
        approvalOperators = Objects.requireNonNull(approvalOperators, "approvalOperators").stream()
                .map(a -> Checks.address(a, "approvalOperators entry").toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
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

    public boolean allowsApprovalOf(String operator) {
        return approvalOperators.contains(operator.toLowerCase(Locale.ROOT));
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
                walletWithdrawals, approvalOperators);
    }

    /** Same rules, with these operators approvable on any token contract. */
    public SigningPolicy withApprovalOperators(Set<String> operators) {
        return new SigningPolicy(allowedChainIds, allowedContracts, deployers, platformWallets, maxSignaturesPerWalletPerMinute,
                walletWithdrawals, operators);
    }
}
