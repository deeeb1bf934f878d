package io.nfttraders.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestRecordsTest {

    @Test
    void walletIndexMustBeANonHardenedChildNumber() {
        assertThat(WalletId.of(WalletId.MAX_INDEX).derivationPath()).isEqualTo("m/44'/60'/0'/0/2147483647");
        assertThatIllegalArgumentException().isThrownBy(() -> WalletId.of(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> WalletId.of(1L << 31));
    }

    @Test
    void transactionRequestRejectsMalformedFields() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fixtures.call(Fixtures.USER, 0, Fixtures.MARKETPLACE, BigInteger.ZERO, new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> Fixtures.call(Fixtures.USER, 1, "0x1234", BigInteger.ZERO, new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> Fixtures.call(Fixtures.USER, 1, Fixtures.MARKETPLACE, BigInteger.valueOf(-1), new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> Fixtures.call(Fixtures.USER, 1, Fixtures.MARKETPLACE, BigInteger.TWO.pow(256), new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> new TransactionRequest(Fixtures.USER, 1, BigInteger.ZERO, BigInteger.ZERO,
                Fixtures.MARKETPLACE, BigInteger.ZERO, new byte[0], BigInteger.ONE, BigInteger.ONE, "u", "r"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TransactionRequest(Fixtures.USER, 1, BigInteger.ZERO, BigInteger.ONE,
                Fixtures.MARKETPLACE, BigInteger.ZERO, new byte[0], BigInteger.ONE, BigInteger.ONE, " ", "r"));
        assertThatNullPointerException().isThrownBy(() -> Fixtures.call(Fixtures.USER, 1, Fixtures.MARKETPLACE, BigInteger.ZERO, null));
    }

    @Test
    void transactionRequestComparesAndCopiesDataByValue() {
        byte[] data = {1, 2, 3, 4, 5};
        TransactionRequest a = Fixtures.call(Fixtures.USER, 1, Fixtures.MARKETPLACE, BigInteger.ZERO, data);
        data[0] = 9;
        TransactionRequest b = Fixtures.call(Fixtures.USER, 1, Fixtures.MARKETPLACE, BigInteger.ZERO, new byte[] {1, 2, 3, 4, 5});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.data()).containsExactly(1, 2, 3, 4, 5);
        assertThat(a.toString()).contains("data=0x01020304… (5 bytes)").doesNotContain("[B@");
    }

    @Test
    void personalMessageRequestComparesByValueAndPrintsOnlyTheLength() {
        PersonalMessageRequest a = new PersonalMessageRequest(Fixtures.USER, new byte[] {1, 2}, "u", "r");
        PersonalMessageRequest b = new PersonalMessageRequest(Fixtures.USER, new byte[] {1, 2}, "u", "r");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("(2 bytes)");
    }

    @Test
    void policyNormalizesContractsAndRejectsNonsense() {
        SigningPolicy policy = new SigningPolicy(Set.of(1L), Set.of(Fixtures.MARKETPLACE), Set.of(), Set.of(), 1);

        assertThat(policy.allowedContracts()).containsExactly(Fixtures.MARKETPLACE.toLowerCase());
        assertThat(policy.allowsContract(Fixtures.MARKETPLACE.toUpperCase().replace("0X", "0x"))).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new SigningPolicy(Set.of(0L), Set.of(), Set.of(), Set.of(), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new SigningPolicy(Set.of(1L), Set.of("nope"), Set.of(), Set.of(), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new SigningPolicy(Set.of(1L), Set.of(), Set.of(), Set.of(), 0));
    }

    @Test
    void auditRecordRequiresARefusalExactlyWhenNotSigned() {
        String hash = "0x" + "ab".repeat(32);
        assertThatIllegalArgumentException().isThrownBy(() -> new SigningAuditRecord(Instant.EPOCH, Fixtures.USER, Fixtures.ANVIL_1,
                SigningAuditRecord.TRANSACTION, 1L, null, BigInteger.ONE, hash, "u", "r", true, "CHAIN_NOT_ALLOWED"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SigningAuditRecord(Instant.EPOCH, Fixtures.USER, Fixtures.ANVIL_1,
                SigningAuditRecord.TRANSACTION, 1L, null, BigInteger.ONE, hash, "u", "r", false, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new SigningAuditRecord(Instant.EPOCH, Fixtures.USER, Fixtures.ANVIL_1,
                "SOMETHING", 1L, null, BigInteger.ONE, hash, "u", "r", true, null));
    }

    @Test
    void refusalMessageStartsWithItsReason() {
        assertThat(new SigningRefused(SigningRefused.Reason.RATE_LIMITED, "slow down"))
                .hasMessage("RATE_LIMITED: slow down")
                .satisfies(e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.RATE_LIMITED));
    }
}
