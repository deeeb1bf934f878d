package io.nfttraders.signer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

class Secp256k1Test {

    @Test
    void signsExactlyAsWeb3jIncludingTheRecoveryId() {
        Random random = new Random(20261121);
        int highRecoveryIds = 0;
        for (int i = 0; i < 500; i++) {
            ECKeyPair key = ECKeyPair.create(new BigInteger(256, random).mod(BigInteger.TWO.pow(255)).add(BigInteger.ONE));
            byte[] message = new byte[1 + random.nextInt(200)];
            random.nextBytes(message);
            byte[] digest = Hash.sha3(message);

            Sign.SignatureData expected = Sign.signMessage(digest, key, false);
            Sign.SignatureData actual = Secp256k1.sign(digest, key.getPrivateKey()).toWeb3j();

            assertThat(actual.getR()).isEqualTo(expected.getR());
            assertThat(actual.getS()).isEqualTo(expected.getS());
            assertThat(actual.getV()).isEqualTo(expected.getV());
            highRecoveryIds += actual.getV()[0] == 28 ? 1 : 0;
        }
        assertThat(highRecoveryIds).as("both parities occur").isBetween(150, 350);
    }

    @Test
    void refusesWhatIsNotADigest() {
        assertThatThrownBy(() -> Secp256k1.sign(new byte[31], BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
