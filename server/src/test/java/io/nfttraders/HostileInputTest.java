package io.nfttraders;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.RawHttp;
import io.nfttraders.support.hostile.ApiOperation;
import io.nfttraders.support.hostile.Findings;
import io.nfttraders.support.hostile.ForgedTokens;
import io.nfttraders.support.hostile.GraphQlVariants;
import io.nfttraders.support.hostile.HostileRequest;
import io.nfttraders.support.hostile.HostileVariants;
import io.nfttraders.support.hostile.MarketplaceBaselines;
import io.nfttraders.support.hostile.StoredData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whatever a client sends, the server answers it as a client error it describes, and
 * keeps what it has stored. For every operation of the OpenAPI document, the GraphQL endpoint and
 * the routes the document leaves out (the web app, the health probes), malformed and hostile
 * variants of each of its inputs ({@link HostileVariants}, {@link GraphQlVariants}), anonymous and
 * signed in, aimed at a small real marketplace ({@link MarketplaceBaselines}). Every table is
 * compared before and after each operation's variants.
 */
@MarketplaceTest
class HostileInputTest {

  private static final Logger log = LoggerFactory.getLogger(HostileInputTest.class);
  private static final Path OPENAPI = Path.of("src/main/resources/openapi/openapi.yaml");
  private static final Path GRAPHQL = Path.of("src/main/resources/graphql/schema.graphqls");
  /** Few: the variants are many and small, and CI has two cores. */
  private static final int PARALLEL = 4;

  /** Tables a refused request of one operation changes by design, and why. Nothing else may change. */
  private static final Map<String, Set<String>> CHANGED_BY_DESIGN = Map.of(
      // handing out a nonce is what this GET is for: each is stored until used or expired
      "siweNonce", Set.of("public.siwe_nonces"),
      // a refused login is counted: it is the throttle on password guessing
      "login", Set.of("public.login_failures"));

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired JdbcClient jdbc;

  private final Findings findings = new Findings();
  private RawHttp http;
  private StoredData stored;
  private StoredData.Snapshot before;
  private int sent;

  @Test
  void everyOperationAnswersHostileInputWithAProblemAndChangesNothing() throws Exception {
    Api api = new Api(port);
    MarketplaceBaselines marketplace = new MarketplaceBaselines(api, new TradingFixture(api, chain, contracts), port, contracts.chainId().value());
    Map<String, String> tokens = ForgedTokens.forUser(marketplace.alice.userId(), "nft-traders");
    List<ApiOperation> operations = ApiOperation.read(OPENAPI);
    http = new RawHttp(port);
    stored = new StoredData(jdbc);

    long started = System.nanoTime();
    before = stored.quiescent(Duration.ofSeconds(90));
    // made before any variant runs: the cursors tampered with are read from the marketplace as it was set up
    GraphQlVariants graphQl = new GraphQlVariants(Files.readString(GRAPHQL), marketplace.graphQlArguments());
    List<HostileRequest> graphQlVariants = new ArrayList<>(HostileVariants.of(GraphQlVariants.OPERATION, graphQl.baseline(), tokens, Set.of()));
    graphQlVariants.addAll(HostileVariants.anonymousAndSignedIn(graphQl.arguments(http)));
    try (ExecutorService senders = Executors.newFixedThreadPool(PARALLEL)) {
      List<ApiOperation> routes = new ArrayList<>(operations);
      routes.addAll(ApiOperation.undocumented());
      for (ApiOperation operation : routes) {
        Set<String> otherMethods = operations.stream().filter(o -> o.path().equals(operation.path()) && o != operation).map(ApiOperation::method)
            .collect(Collectors.toSet());
        exercise(senders, operation, HostileVariants.of(operation, marketplace.of(operation), tokens, otherMethods), marketplace.alice.accessToken());
      }
      exercise(senders, GraphQlVariants.OPERATION, graphQlVariants, marketplace.alice.accessToken());
    }
    log.info("hostile inputs: {} operations, the web app, health and GraphQL: {} requests in {} s, {} tables checked", operations.size(), sent,
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), stored.tables().size());
    Files.writeString(Path.of("target/hostile-input-findings.txt"), findings.report());
    Files.writeString(Path.of("target/hostile-input-answers.txt"), findings.answers());
    assertThat(findings.report()).as("hostile requests answered with a server error or not as a problem, or stored data changed").isEmpty();
  }

  /** Sends the operation's variants and judges each answer; then compares every table with before them. */
  private void exercise(ExecutorService senders, ApiOperation operation, List<HostileRequest> variants, String token) throws Exception {
    int acceptedBefore = findings.acceptedSoFar();
    long operationStarted = System.nanoTime();
    List<Future<?>> answers = new ArrayList<>();
    for (HostileRequest variant : variants) {
      answers.add(senders.submit(() -> findings.judge(variant, http.send(variant.head(token), variant.bodyToSend(), variant.mayGoUnanswered()))));
    }
    for (Future<?> answer : answers) {
      answer.get();
    }
    sent += variants.size();
    log.debug("hostile inputs: {} variants of {} in {} ms", variants.size(), operation.id(), (System.nanoTime() - operationStarted) / 1_000_000);
    StoredData.Snapshot after = stored.read();
    Set<String> allowed = CHANGED_BY_DESIGN.getOrDefault(operation.id(), Set.of());
    if (!before.differences(after, allowed).isEmpty()) {
      // settled first: what the variants set off (a transaction, an event) is theirs too
      after = stored.quiescent(Duration.ofSeconds(30));
      findings.dataChanged(operation, before.differences(after, allowed), acceptedBefore);
    }
    before = after;
  }
}
