package io.nfttraders.signer;

import static io.nfttraders.signer.Fixtures.ANVIL_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

class MessageSigningTest {

    @TempDir
    Path dir;

    private final Fixtures.RecordingAudit audit = new Fixtures.RecordingAudit();
    private Signer signer;

    @BeforeEach
    void openSigner() {
        signer = Fixtures.anvilSigner(dir, Fixtures.policy(10), audit, Clock.systemUTC());
    }

    private static String recover(byte[] digest, String signatureHex) throws Exception {
        BigInteger publicKey = Sign.signedMessageHashToKey(digest, Sign.signatureDataFromHex(signatureHex));
        return Keys.toChecksumAddress(Keys.getAddress(publicKey));
    }

    @Test
    void personalSignRecoversToTheWalletAddress() throws Exception {
        byte[] message = "Sign in to NFT Traders: nonce 8f3a".getBytes(StandardCharsets.UTF_8);

        MessageSignature signature = signer.sign(new PersonalMessageRequest(Fixtures.USER, message, "user-1", "login"));

        assertThat(signature.signer()).isEqualTo(ANVIL_1);
        byte[] sig = Numeric.hexStringToByteArray(signature.signature());
        assertThat(sig).hasSize(65);
        assertThat(sig[64]).isIn((byte) 27, (byte) 28);
        BigInteger key = Sign.signedPrefixedMessageToKey(message, Sign.signatureDataFromHex(signature.signature()));
        assertThat(Keys.toChecksumAddress(Keys.getAddress(key))).isEqualTo(ANVIL_1);
        assertThat(audit.last().kind()).isEqualTo(SigningAuditRecord.PERSONAL_MESSAGE);
        assertThat(audit.last().payloadHash()).isEqualTo(Numeric.toHexString(Sign.getEthereumMessageHash(message)));
        assertThat(audit.last().signed()).isTrue();
    }

    @Test
    void typedDataSignatureOfTheEip712MailExampleRecoversToTheWalletAddress() throws Exception {
        MessageSignature signature = signer.sign(new TypedDataRequest(Fixtures.USER, Fixtures.mailJson(), "user-1", "mail"));

        byte[] digest = Numeric.hexStringToByteArray(Fixtures.MAIL_DIGEST);
        assertThat(recover(digest, signature.signature())).isEqualTo(ANVIL_1);
        assertThat(signature.signer()).isEqualTo(ANVIL_1);
        SigningAuditRecord record = audit.last();
        assertThat(record.kind()).isEqualTo(SigningAuditRecord.TYPED_DATA);
        assertThat(record.payloadHash()).as("the EIP's published digest").isEqualTo(Fixtures.MAIL_DIGEST);
        assertThat(record.chainId()).isEqualTo(1L);
        assertThat(record.target()).isEqualTo(Fixtures.EIP712_MAIL_CONTRACT);
        assertThat(record.nonce()).isNull();
    }

    @Test
    void typedDataWithHexChainIdIsUnderstood() {
        String json = Fixtures.mailJson().replace("\"chainId\": 1,", "\"chainId\": \"0x7a69\",");

        signer.sign(new TypedDataRequest(Fixtures.USER, json, "user-1", "mail"));

        assertThat(audit.last().chainId()).isEqualTo(31337L);
    }

    @Test
    void malformedTypedDataIsRefusedAsInvalidAndAuditedWithTheDocumentHash() {
        String json = "{\"types\": {}, \"primaryType\": \"Nope\"}";

        assertThatExceptionOfType(SigningRefused.class)
                .isThrownBy(() -> signer.sign(new TypedDataRequest(Fixtures.USER, json, "user-1", "mail")))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.INVALID_REQUEST));

        SigningAuditRecord record = audit.last();
        assertThat(record.signed()).isFalse();
        assertThat(record.refusal()).startsWith("INVALID_REQUEST");
        assertThat(record.payloadHash()).isEqualTo(Numeric.toHexString(Hash.sha3(json.getBytes(StandardCharsets.UTF_8))));
    }
}
