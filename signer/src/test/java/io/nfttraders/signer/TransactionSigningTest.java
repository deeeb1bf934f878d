package io.nfttraders.signer;

import static io.nfttraders.signer.Fixtures.ANVIL_0;
import static io.nfttraders.signer.Fixtures.ANVIL_1;
import static io.nfttraders.signer.Fixtures.ANVIL_CHAIN;
import static io.nfttraders.signer.Fixtures.MARKETPLACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

class TransactionSigningTest {

    @TempDir
    Path dir;

    private final Fixtures.RecordingAudit audit = new Fixtures.RecordingAudit();
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock();
    private Signer signer;

    @BeforeEach
    void openSigner() {
        signer = Fixtures.anvilSigner(dir, Fixtures.policy(10), audit, clock);
    }

    @Test
    void signedEip1559TransactionDecodesToTheRequestedFieldsAndRecoversToTheWallet() throws Exception {
        byte[] calldata = Numeric.hexStringToByteArray("0xa9059cbb000000000000000000000000000000000000000000000000000000000000002a");
        TransactionRequest request = new TransactionRequest(Fixtures.USER, ANVIL_CHAIN, BigInteger.valueOf(5),
                BigInteger.valueOf(90_000), MARKETPLACE, BigInteger.valueOf(1_000), calldata,
                BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(40_000_000_000L), "user-1", "buy token 42");

        SignedTransaction signed = signer.sign(request);

        RawTransaction decoded = TransactionDecoder.decode(signed.rawTransaction());
        assertThat(decoded).isInstanceOf(SignedRawTransaction.class);
        Transaction1559 tx = (Transaction1559) decoded.getTransaction();
        assertThat(tx.getChainId()).isEqualTo(ANVIL_CHAIN);
        assertThat(tx.getNonce()).isEqualTo(5);
        assertThat(tx.getGasLimit()).isEqualTo(90_000);
        assertThat(tx.getTo()).isEqualToIgnoringCase(MARKETPLACE);
        assertThat(tx.getValue()).isEqualTo(1_000);
        assertThat(Numeric.hexStringToByteArray(tx.getData())).isEqualTo(calldata);
        assertThat(tx.getMaxPriorityFeePerGas()).isEqualTo(2_000_000_000L);
        assertThat(tx.getMaxFeePerGas()).isEqualTo(40_000_000_000L);
        assertThat(((SignedRawTransaction) decoded).getFrom()).isEqualToIgnoringCase(ANVIL_1);

        assertThat(signed.from()).isEqualTo(ANVIL_1);
        assertThat(signed.nonce()).isEqualTo(5);
        assertThat(signed.rawTransaction()).startsWith("0x02");
        assertThat(signed.transactionHash()).isEqualTo(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(signed.rawTransaction()))));
    }

    @Test
    void auditsTheSignedTransactionWithTheHashOfItsUnsignedEncoding() {
        TransactionRequest request = Fixtures.marketplaceCall(Fixtures.USER);

        signer.sign(request);

        RawTransaction unsigned = RawTransaction.createTransaction(ANVIL_CHAIN, request.nonce(), request.gasLimit(),
                request.to(), request.valueWei(), Numeric.toHexString(request.data()),
                request.maxPriorityFeePerGas(), request.maxFeePerGas());
        assertThat(audit.records).singleElement().satisfies(record -> {
            assertThat(record.signed()).isTrue();
            assertThat(record.refusal()).isNull();
            assertThat(record.kind()).isEqualTo(SigningAuditRecord.TRANSACTION);
            assertThat(record.wallet()).isEqualTo(Fixtures.USER);
            assertThat(record.address()).isEqualTo(ANVIL_1);
            assertThat(record.chainId()).isEqualTo(ANVIL_CHAIN);
            assertThat(record.target()).isEqualTo(MARKETPLACE);
            assertThat(record.nonce()).isEqualTo(request.nonce());
            assertThat(record.payloadHash()).isEqualTo(Numeric.toHexString(Hash.sha3(TransactionEncoder.encode(unsigned))));
            assertThat(record.requestedBy()).isEqualTo("user-42");
            assertThat(record.reason()).isEqualTo("buy token 7");
            assertThat(record.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void deployerCreatesContractWithEmptyRecipient() throws Exception {
        byte[] initCode = Numeric.hexStringToByteArray("0x6080604052348015600f57600080fd5b50");
        TransactionRequest request = new TransactionRequest(Fixtures.DEPLOYER, ANVIL_CHAIN, BigInteger.ZERO,
                BigInteger.valueOf(3_000_000), null, BigInteger.ZERO, initCode, BigInteger.ONE, BigInteger.TEN,
                "deploy-job", "deploy marketplace");

        SignedTransaction signed = signer.sign(request);

        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed.rawTransaction());
        assertThat(decoded.getTo()).isIn(null, "", "0x");
        assertThat(Numeric.hexStringToByteArray(decoded.getData())).isEqualTo(initCode);
        assertThat(decoded.getFrom()).isEqualToIgnoringCase(signed.from()).isEqualToIgnoringCase(signer.address(Fixtures.DEPLOYER));
        assertThat(audit.last().target()).isNull();
        assertThat(audit.last().signed()).isTrue();
    }

    @Test
    void platformWalletMaySendPlainValueToAnyAddress() {
        SignedTransaction signed = signer.sign(
                Fixtures.call(Fixtures.PLATFORM, ANVIL_CHAIN, Fixtures.STRANGER, BigInteger.TEN.pow(18), new byte[0]));

        assertThat(signed.from()).isEqualTo(ANVIL_0);
        assertThat(audit.last().signed()).isTrue();
    }

    @Test
    void signaturesAreDeterministicPerRfc6979() {
        TransactionRequest request = Fixtures.marketplaceCall(Fixtures.USER);
        assertThat(signer.sign(request)).isEqualTo(signer.sign(request));
    }
}
