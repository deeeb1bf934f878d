package io.nfttraders.signer;

import static io.nfttraders.signer.Fixtures.ANVIL_CHAIN;
import static io.nfttraders.signer.Fixtures.MARKETPLACE;
import static io.nfttraders.signer.Fixtures.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.nfttraders.signer.SigningRefused.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningPolicyEnforcementTest {

    @TempDir
    Path dir;

    private final Fixtures.RecordingAudit audit = new Fixtures.RecordingAudit();
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock();

    private Signer signer(int maxPerMinute) {
        return Fixtures.anvilSigner(dir, Fixtures.policy(maxPerMinute), audit, clock);
    }

    /** Asserts the refusal reason and that exactly this one refusal was audited. */
    private void assertRefused(ThrowingCallable request, Reason reason) {
        int before = audit.records.size();
        assertThatExceptionOfType(SigningRefused.class).isThrownBy(request)
                .satisfies(e -> assertThat(e.reason()).isEqualTo(reason))
                .withMessageStartingWith(reason.name());
        assertThat(audit.records).hasSize(before + 1);
        assertThat(audit.last().signed()).isFalse();
        assertThat(audit.last().refusal()).startsWith(reason.name());
    }

    @Test
    void refusesTransactionForDisallowedChain() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, 5, MARKETPLACE, BigInteger.ZERO, new byte[] {1})),
                Reason.CHAIN_NOT_ALLOWED);
        assertThat(audit.last().chainId()).isEqualTo(5L);
    }

    @Test
    void refusesDisallowedChainEvenForPlatformWallets() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.PLATFORM, 5, STRANGER, BigInteger.ONE, new byte[0])),
                Reason.CHAIN_NOT_ALLOWED);
    }

    @Test
    void refusesUserCallToDisallowedContract() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, STRANGER, BigInteger.ZERO, new byte[] {1})),
                Reason.CONTRACT_NOT_ALLOWED);
        assertThat(audit.last().target()).isEqualTo(STRANGER);
    }

    @Test
    void comparesAllowedContractsCaseInsensitively() {
        Signer signer = signer(10);
        signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, MARKETPLACE.toLowerCase(), BigInteger.ZERO, new byte[] {1}));
        signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, "0x" + MARKETPLACE.substring(2).toUpperCase(), BigInteger.ZERO, new byte[] {1}));

        assertThat(audit.records).hasSize(2).allMatch(SigningAuditRecord::signed);
    }

    @Test
    void letsAUserWalletApproveOnlyTheAllowedOperatorOnAnyTokenContractAndNothingElse() {
        Signer signer = Fixtures.anvilSigner(dir, Fixtures.policy(50).withApprovalOperators(Set.of(MARKETPLACE)), audit, clock);
        String collection = "0x00000000000000000000000000000000000C0DE5";
        signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, collection, BigInteger.ZERO, setApprovalForAll(MARKETPLACE, 1)));
        signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, collection, BigInteger.ZERO, setApprovalForAll(MARKETPLACE, 0)));
        assertThat(audit.records).hasSize(2).allMatch(SigningAuditRecord::signed);

        byte[] approval = setApprovalForAll(MARKETPLACE, 1);
        byte[] longer = java.util.Arrays.copyOf(approval, approval.length + 32);
        byte[] dirtyFlag = approval.clone();
        dirtyFlag[66] = 1;
        byte[] dirtyOperatorWord = approval.clone();
        dirtyOperatorWord[4] = 1;
        byte[] otherSelector = approval.clone();
        otherSelector[0] = 0x09; // approve(address,uint256) is 0x095ea7b3: never a blanket pass
        for (byte[] data : new byte[][] {setApprovalForAll(STRANGER, 1), longer, dirtyFlag, dirtyOperatorWord, otherSelector}) {
            assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, collection, BigInteger.ZERO, data)), Reason.CONTRACT_NOT_ALLOWED);
        }
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, collection, BigInteger.ONE, approval)), Reason.CONTRACT_NOT_ALLOWED);
    }

    @Test
    void boundsTheGasAnApprovalOnAContractWeDoNotKnowMayBurn() {
        Signer signer = Fixtures.anvilSigner(dir, Fixtures.policy(50).withApprovalOperators(Set.of(MARKETPLACE)), audit, clock);
        String hostile = "0x00000000000000000000000000000000000BAD01";
        byte[] approval = setApprovalForAll(MARKETPLACE, 1);
        signer.sign(Fixtures.withGasLimit(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, hostile, BigInteger.ZERO, approval), BigInteger.valueOf(150_000)));
        assertThat(audit.last().signed()).isTrue();
        assertRefused(() -> signer.sign(Fixtures.withGasLimit(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, hostile, BigInteger.ZERO, approval),
                BigInteger.valueOf(150_001))), Reason.GAS_LIMIT_NOT_ALLOWED);
        // our own contracts' calls are not capped here: their code is ours
        signer.sign(Fixtures.withGasLimit(Fixtures.marketplaceCall(Fixtures.USER), BigInteger.valueOf(2_000_000)));
        assertThat(audit.last().signed()).isTrue();
    }

    private static byte[] setApprovalForAll(String operator, int approved) {
        return org.web3j.utils.Numeric.hexStringToByteArray("0xa22cb465" + "0".repeat(24) + operator.substring(2).toLowerCase()
                + "0".repeat(63) + approved);
    }

    @Test
    void allowsAUserWalletANonceFillerToItselfButNothingMore() {
        Signer signer = signer(10);
        String self = signer.address(Fixtures.USER);
        signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, self, BigInteger.ZERO, new byte[0]));
        assertThat(audit.last().signed()).isTrue();
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, self, BigInteger.ZERO, new byte[] {1})),
                Reason.CONTRACT_NOT_ALLOWED);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, self, BigInteger.ONE, new byte[0])),
                Reason.VALUE_TRANSFER_NOT_ALLOWED);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, STRANGER, BigInteger.ZERO, new byte[0])),
                Reason.CONTRACT_NOT_ALLOWED);
    }

    @Test
    void refusesContractCreationByNonDeployer() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.PLATFORM, ANVIL_CHAIN, null, BigInteger.ZERO, new byte[] {0x60})),
                Reason.CONTRACT_CREATION_NOT_ALLOWED);
        assertThat(audit.last().target()).isNull();
    }

    @Test
    void refusesContractCreationWithoutInitCode() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.DEPLOYER, ANVIL_CHAIN, null, BigInteger.ZERO, new byte[0])),
                Reason.INVALID_REQUEST);
    }

    @Test
    void refusesPlainValueTransferByUserWallet() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, STRANGER, BigInteger.ONE, new byte[0])),
                Reason.VALUE_TRANSFER_NOT_ALLOWED);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, MARKETPLACE, BigInteger.ONE, new byte[0])),
                Reason.VALUE_TRANSFER_NOT_ALLOWED);
    }

    @Test
    void allowsUserToPayAnAllowedContractWithCalldata() {
        Signer signer = signer(10);
        signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, MARKETPLACE, BigInteger.TEN.pow(17), new byte[] {1, 2, 3, 4}));
        assertThat(audit.last().signed()).isTrue();
    }

    @Test
    void allowsPlatformWalletToCallAnyContract() {
        Signer signer = signer(10);
        signer.sign(Fixtures.call(Fixtures.PLATFORM, ANVIL_CHAIN, STRANGER, BigInteger.ZERO, new byte[] {1}));
        assertThat(audit.last().signed()).isTrue();
    }

    @Test
    void refusesPriorityFeeAboveMaxFee() {
        Signer signer = signer(10);
        TransactionRequest request = new TransactionRequest(Fixtures.USER, ANVIL_CHAIN, BigInteger.ONE, BigInteger.valueOf(21_000),
                MARKETPLACE, BigInteger.ZERO, new byte[] {1}, BigInteger.TEN, BigInteger.ONE, "user-1", "buy");
        assertRefused(() -> signer.sign(request), Reason.INVALID_REQUEST);
    }

    @Test
    void refusesTypedDataForDisallowedDomainChainOrContract() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(new TypedDataRequest(Fixtures.USER,
                Fixtures.mailJson(5, Fixtures.EIP712_MAIL_CONTRACT), "user-1", "mail")), Reason.CHAIN_NOT_ALLOWED);
        assertRefused(() -> signer.sign(new TypedDataRequest(Fixtures.USER,
                Fixtures.mailJson(1, STRANGER), "user-1", "mail")), Reason.CONTRACT_NOT_ALLOWED);
        assertThat(audit.last().target()).isEqualTo(STRANGER);
    }

    @Test
    void refusesSignaturesBeyondThePerWalletRateLimitUntilTheWindowSlides() {
        Signer signer = signer(3);
        byte[] message = "hi".getBytes(StandardCharsets.UTF_8);
        signer.sign(new PersonalMessageRequest(Fixtures.USER, message, "user-1", "login"));
        clock.advance(Duration.ofSeconds(20));
        signer.sign(Fixtures.marketplaceCall(Fixtures.USER));
        signer.sign(new TypedDataRequest(Fixtures.USER, Fixtures.mailJson(), "user-1", "mail"));

        assertRefused(() -> signer.sign(Fixtures.marketplaceCall(Fixtures.USER)), Reason.RATE_LIMITED);
        assertRefused(() -> signer.sign(new PersonalMessageRequest(Fixtures.USER, message, "user-1", "login")), Reason.RATE_LIMITED);
        signer.sign(Fixtures.marketplaceCall(Fixtures.PLATFORM)); // other wallets are unaffected

        clock.advance(Duration.ofSeconds(41)); // the first signature is now over a minute old
        signer.sign(Fixtures.marketplaceCall(Fixtures.USER));
        assertRefused(() -> signer.sign(Fixtures.marketplaceCall(Fixtures.USER)), Reason.RATE_LIMITED);
    }

    @Test
    void refusedRequestsDoNotUseUpTheRateLimit() {
        Signer signer = signer(1);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, 5, MARKETPLACE, BigInteger.ZERO, new byte[] {1})),
                Reason.CHAIN_NOT_ALLOWED);
        signer.sign(Fixtures.marketplaceCall(Fixtures.USER));
        assertThat(audit.last().signed()).isTrue();
    }

    @Test
    void updatedPolicyAppliesToSubsequentRequests() {
        Signer signer = signer(10);
        assertRefused(() -> signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, STRANGER, BigInteger.ZERO, new byte[] {1})),
                Reason.CONTRACT_NOT_ALLOWED);

        signer.updatePolicy(signer.policy().withAllowedContracts(Set.of(MARKETPLACE, STRANGER)));

        signer.sign(Fixtures.call(Fixtures.USER, ANVIL_CHAIN, STRANGER, BigInteger.ZERO, new byte[] {1}));
        assertThat(audit.last().signed()).isTrue();
        assertThat(signer.policy().allowsContract(STRANGER)).isTrue();
    }

    @Test
    void failingAuditSinkWithholdsTheSignature() {
        SigningAudit broken = record -> {
            throw new IllegalStateException("database down");
        };
        Signer signer = Fixtures.anvilSigner(dir, Fixtures.policy(10), broken, clock);

        assertThatIllegalStateException().isThrownBy(() -> signer.sign(Fixtures.marketplaceCall(Fixtures.USER)))
                .withMessageContaining("signature withheld");
        assertThatIllegalStateException().isThrownBy(() -> signer.sign(
                new PersonalMessageRequest(Fixtures.USER, new byte[] {1}, "user-1", "login")));
    }

    @Test
    void failingAuditSinkStillRefusesAndReportsTheAuditFailure() {
        SigningAudit broken = record -> {
            throw new IllegalStateException("database down");
        };
        Signer signer = Fixtures.anvilSigner(dir, Fixtures.policy(10), broken, clock);

        assertThatExceptionOfType(SigningRefused.class)
                .isThrownBy(() -> signer.sign(Fixtures.call(Fixtures.USER, 5, MARKETPLACE, BigInteger.ZERO, new byte[] {1})))
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("database down")));
    }

    @Test
    void enforcesTheRateLimitExactlyUnderConcurrentRequests() throws Exception {
        Signer signer = signer(25);
        AtomicInteger signed = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        Callable<Void> task = () -> {
            try {
                signer.sign(Fixtures.marketplaceCall(Fixtures.USER));
                signed.incrementAndGet();
            } catch (SigningRefused e) {
                if (e.reason() == Reason.RATE_LIMITED) {
                    limited.incrementAndGet();
                }
            }
            return null;
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Void> f : pool.invokeAll(IntStream.range(0, 80).mapToObj(i -> task).toList())) {
                f.get();
            }
        }

        assertThat(signed).hasValue(25);
        assertThat(limited).hasValue(55);
        assertThat(audit.records).hasSize(80);
        assertThat(audit.records.stream().filter(SigningAuditRecord::signed)).hasSize(25);
    }
}
