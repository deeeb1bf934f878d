package io.nfttraders.signer.internal;

import io.nfttraders.signer.SigningPolicy;
import io.nfttraders.signer.SigningRefused;
import io.nfttraders.signer.SigningRefused.Reason;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SigningPolicy} rules; each failed rule throws {@link SigningRefused} naming it. The
 * rate limit is applied separately, after these pass, so refused requests do not use up slots.
 */
final class PolicyRules {

    private PolicyRules() {}

    static void checkTransaction(SigningPolicy policy, TransactionRequest request, String senderAddress) {
        WalletId wallet = request.wallet();
        boolean emptyData = request.data().length == 0;
        if (request.maxPriorityFeePerGas().compareTo(request.maxFeePerGas()) > 0) {
            throw new SigningRefused(Reason.INVALID_REQUEST, "maxPriorityFeePerGas exceeds maxFeePerGas");
        }
        if (!policy.allowsChain(request.chainId())) {
            throw new SigningRefused(Reason.CHAIN_NOT_ALLOWED, "chain " + request.chainId() + " is not allowed");
        }
        String to = request.to();
        if (to == null) {
            if (emptyData) {
                throw new SigningRefused(Reason.INVALID_REQUEST, "contract creation without init code");
            }
            if (!policy.isDeployer(wallet)) {
                throw new SigningRefused(Reason.CONTRACT_CREATION_NOT_ALLOWED,
                        "wallet " + wallet.index() + " is not a deployer");
            }
            return;
        }
        // Platform wallets move funds (gas top-ups, payouts) to arbitrary addresses by design.
        if (policy.isPlatformWallet(wallet)) {
            return;
        }
        // A nonce filler: nothing moves and nothing is called, it only uses up a nonce that a
        // transaction the node refused for good would otherwise leave as a gap.
        if (emptyData && request.valueWei().signum() == 0 && to.equalsIgnoreCase(senderAddress)) {
            return;
        }
        // Checked before the contract list so a user wallet trying to move ETH out gets the precise reason.
        if (emptyData && request.valueWei().signum() > 0) {
            if (policy.walletWithdrawals()) {
                return;
            }
            throw new SigningRefused(Reason.VALUE_TRANSFER_NOT_ALLOWED,
                    "wallet " + wallet.index() + " may not send plain value transfers");
        }
        if (policy.allowsContract(to)) {
            return;
        }
        if (!isApprovalOfAllowedOperator(policy, request)) {
            throw new SigningRefused(Reason.CONTRACT_NOT_ALLOWED, "contract " + to + " is not allowed");
        }
        // A contract we do not know runs whatever code it has for this call: all it can take is the gas.
        if (request.gasLimit().compareTo(MAX_FOREIGN_APPROVAL_GAS) > 0) {
            throw new SigningRefused(Reason.GAS_LIMIT_NOT_ALLOWED,
                    "an approval on contract " + to + " may use at most " + MAX_FOREIGN_APPROVAL_GAS + " gas, not " + request.gasLimit());
        }
    }

    /** OpenZeppelin's setApprovalForAll uses ~47,000 gas at most; a token contract that wants more is not worth its cost. */
    static final BigInteger MAX_FOREIGN_APPROVAL_GAS = BigInteger.valueOf(150_000);

    /** {@code setApprovalForAll(address,bool)}: its selector, then the operator and the flag, each one word. */
    private static final byte[] SET_APPROVAL_FOR_ALL = {(byte) 0xa2, 0x2c, (byte) 0xb4, 0x65};

    /** Exactly {@code setApprovalForAll(operator, approved)}, no value, for an operator the policy lets wallets approve. */
    private static boolean isApprovalOfAllowedOperator(SigningPolicy policy, TransactionRequest request) {
        byte[] data = request.data();
        if (data.length != 4 + 64 || request.valueWei().signum() != 0 || !Arrays.equals(data, 0, 4, SET_APPROVAL_FOR_ALL, 0, 4)) {
            return false;
        }
        for (int i = 4; i < 16; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        for (int i = 36; i < 67; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        if (data[67] > 1 || data[67] < 0) {
            return false;
        }
        String operator = "0x" + HexFormat.of().formatHex(data, 16, 36);
        return policy.allowsApprovalOf(operator);
    }

    /** EIP-712 signatures can authorize transfers too (permits, orders): hold their domain to the same lists. */
    static void checkTypedDataDomain(SigningPolicy policy, @Nullable Long chainId, @Nullable String verifyingContract) {
        if (chainId != null && !policy.allowsChain(chainId)) {
            throw new SigningRefused(Reason.CHAIN_NOT_ALLOWED, "typed-data domain chain " + chainId + " is not allowed");
        }
        if (verifyingContract != null && !policy.allowsContract(verifyingContract)) {
            throw new SigningRefused(Reason.CONTRACT_NOT_ALLOWED,
                    "typed-data verifying contract " + verifyingContract + " is not allowed");
        }
    }
}
