package io.nfttraders;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.signer.KeyEncryptionKey;
import io.nfttraders.support.Api;
import io.nfttraders.support.IndependentDerivation;
import io.nfttraders.support.StandaloneServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.utils.Numeric;

/**
 * The master seed, wallet private keys and passwords appear nowhere: not in logs, not in HTTP
 * responses, not in any database row, not in any file the server wrote (except the database
 * cluster's own binary files, covered by the row dump, and the key-encryption keyset, which is
 * the one secret stored by design).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest {

  @TempDir Path data;

  @Test
  void noKeyMaterialOrPasswordInLogsResponsesDatabaseOrFiles(CapturedOutput output) throws Exception {
    List<String> secrets = new ArrayList<>();
    StringBuilder observed = new StringBuilder();
    try (StandaloneServer server = StandaloneServer.start(data)) {
      Api api = server.api();
      for (int i = 0; i < 2; i++) {
        Api.Session s = api.newUser();
        secrets.add(s.password());
        Api.Response profile = api.get("/api/v1/user/profile", s.accessToken());
        Api.Response refreshed = api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", s.refreshToken()), null);
        Api.Response failedLogin = api.postJson("/api/v1/auth/login", Map.of("email", s.email(), "password", s.password() + "!"), null);
        observed.append(profile.body()).append(refreshed.body()).append(failedLogin.body());
      }
      observed.append(api.get("/api/v1/chains", null).body()).append(api.get("/actuator/health", null).body());

      JdbcClient jdbc = server.bean(JdbcClient.class);
      byte[] seed = IndependentDerivation.masterSeed(jdbc, server.bean(KeyEncryptionKey.class));
      secrets.add(HexFormat.of().formatHex(seed));
      for (long index = 0; index <= 2; index++) {
        secrets.add(Numeric.toHexStringNoPrefixZeroPadded(IndependentDerivation.keyPair(seed, index).getPrivateKey(), 64));
      }
      observed.append(databaseDump(jdbc));
    }
    observed.append(output.getAll()).append(filesOutsideTheClusterAndKeyset());

    String everything = observed.toString().toLowerCase();
    assertThat(everything).contains("deploy collection"); // the audit rows were dumped
    assertThat(everything).contains("custodial wallet opened"); // the logs were captured
    for (String secret : secrets) {
      assertThat(everything).as("a secret leaked").doesNotContain(secret.toLowerCase());
    }
  }

  private static String databaseDump(JdbcClient jdbc) {
    StringBuilder dump = new StringBuilder();
    List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'").query(String.class).list();
    for (String table : tables) {
      jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list().forEach(row -> dump.append(row).append('\n'));
    }
    return dump.toString();
  }

  private String filesOutsideTheClusterAndKeyset() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.startsWith(data.resolve("postgres")) || file.startsWith(data.resolve("keys"))) {
          continue;
        }
        text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }
}
