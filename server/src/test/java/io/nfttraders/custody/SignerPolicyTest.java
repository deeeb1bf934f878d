package io.nfttraders.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfttraders.signer.Signer;
import io.nfttraders.signer.SigningRefused;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The running server's signer refuses what its policy does not allow, and audits every decision. */
@MarketplaceTest
class SignerPolicyTest {

  private static final String STRANGER_CONTRACT = "0x000000000000000000000000000000000000dEaD";

  @Autowired Signer signer;
  @Autowired JdbcClient jdbc;

  private TransactionRequest request(long chainId, String to) {
    return new TransactionRequest(new WalletId(7), chainId, BigInteger.ZERO, BigInteger.valueOf(21_000), to,
        BigInteger.ZERO, new byte[] {1}, BigInteger.ONE, BigInteger.TEN, "test", "policy check");
  }

  private long refusals() {
    return jdbc.sql("select count(*) from signing_audit where not signed").query(Long.class).single();
  }

  @Test
  void refusesAChainItWasNotConfiguredFor() {
    long before = refusals();
    String ours = signer.policy().allowedContracts().iterator().next();
    assertThatThrownBy(() -> signer.sign(request(1, ours)))
        .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.CHAIN_NOT_ALLOWED));
    assertThat(refusals()).isEqualTo(before + 1);
  }

  @Test
  void refusesAContractThatIsNotOurs() {
    long before = refusals();
    assertThatThrownBy(() -> signer.sign(request(31337, STRANGER_CONTRACT)))
        .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.CONTRACT_NOT_ALLOWED));
    assertThat(refusals()).isEqualTo(before + 1);
  }

  @Test
  void refusesContractCreationByAUserWallet() {
    assertThatThrownBy(() -> signer.sign(request(31337, null)))
        .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.reason()).isEqualTo(SigningRefused.Reason.CONTRACT_CREATION_NOT_ALLOWED));
  }

  @Test
  void auditsSignaturesItGrants() {
    String ours = signer.policy().allowedContracts().iterator().next();
    signer.sign(request(31337, ours));
    assertThat(jdbc.sql("select count(*) from signing_audit where signed and wallet_index = 7").query(Long.class).single()).isPositive();
  }
}
