package io.nfttraders.custody.internal;

import io.nfttraders.chain.ChainsProperties;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.custody.SecretSealer;
import io.nfttraders.platform.DataDirectory;
import io.nfttraders.signer.KeyEncryptionKey;
import io.nfttraders.signer.KeyEncryptionKeys;
import io.nfttraders.signer.SealedSeed;
import io.nfttraders.signer.SeedVault;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.SigningPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the isolated signer: the key-encryption key, the sealed master seed from the database,
 * and the initial policy (our chain only, no contracts until they are deployed).
 */
@Configuration(proxyBeanMethods = false)
class SignerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SignerConfiguration.class);

  @Bean
  KeyEncryptionKey keyEncryptionKey(CustodyProperties properties, DataDirectory dataDirectory) {
    String configured = properties.localKeyset();
    Path keyset = configured != null ? Path.of(configured) : dataDirectory.resolve("keys").resolve("kek.json");
    KeyEncryptionKey kek = KeyEncryptionKeys.fromUri(properties.kekUri(), keyset);
    log.info("key-encryption key: {}", kek.describe());
    return kek;
  }

  @Bean
  SecretSealer secretSealer(KeyEncryptionKey kek) {
    return new SecretSealer(kek.aead());
  }

  @Bean
  Signer signer(
      KeyEncryptionKey kek,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      CustodyProperties properties,
      ChainsProperties chainsProperties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    SealedSeed sealed = loadOrCreateSeed(jdbc, kek);
    Set<Long> chains = properties.allowedChainIds() != null ? properties.allowedChainIds()
        : chainsProperties.enabled().stream().map(e -> e.getValue().id()).collect(Collectors.toSet());
    SigningPolicy policy = new SigningPolicy(
        chains, Set.of(), Set.of(PlatformWallet.ID), Set.of(PlatformWallet.ID), properties.maxSignaturesPerWalletPerMinute(),
        properties.walletWithdrawals());
    return SeedVault.open(sealed, kek, policy, new JdbcSigningAudit(jdbcTemplate, transactionManager), clock);
  }

  /**
   * The first server to start generates the seed; {@code on conflict do nothing} makes a second
   * instance racing on the same database adopt the winner's seed instead of forking wallets.
   */
  private static SealedSeed loadOrCreateSeed(JdbcClient jdbc, KeyEncryptionKey kek) {
    var existing = jdbc.sql("select sealed from custody_master_seed where id = 1").query(byte[].class).optional();
    if (existing.isPresent()) {
      return new SealedSeed(existing.get());
    }
    SealedSeed fresh = SeedVault.generateSealed(kek);
    int inserted = jdbc.sql("insert into custody_master_seed (id, sealed, kek) values (1, :sealed, :kek) on conflict do nothing")
        .param("sealed", fresh.ciphertext())
        .param("kek", kek.describe())
        .update();
    if (inserted == 1) {
      log.info("generated a new master seed, stored sealed under {}", kek.describe());
      return fresh;
    }
    return new SealedSeed(jdbc.sql("select sealed from custody_master_seed where id = 1").query(byte[].class).single());
  }
}
