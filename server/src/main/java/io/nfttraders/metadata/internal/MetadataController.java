package io.nfttraders.metadata.internal;

import io.nfttraders.ethereum.TokenRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The "refresh metadata" command: a token's metadata is read again from its contract, at most once a minute per token. */
@RestController
class MetadataController {


  private final MetadataRows rows;
  private final MetadataProperties properties;
  private final Clock clock;

  MetadataController(MetadataRows rows, MetadataProperties properties, Clock clock) {
    this.rows = rows;
    this.properties = properties;
    this.clock = clock;
  }

  @PostMapping("/api/v1/nfts/{chainId}/{contract}/{tokenId}/metadata/refresh")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Transactional
  Map<String, String> refresh(@PathVariable long chainId, @PathVariable String contract, @PathVariable String tokenId) {
    String what = chainId + "/" + contract + "/" + tokenId;
    TokenRef token = TokenRef.fromPath(chainId, contract, tokenId).orElseThrow(() -> new MetadataProblems.NotQueued(what));
    Optional<Instant> refusedUntil = rows.requestRefresh(token, properties.refreshInterval()).orElseThrow(() -> new MetadataProblems.NotQueued(what));
    if (refusedUntil.isPresent()) {
      throw new MetadataProblems.RefreshTooSoon(Duration.between(clock.instant(), refusedUntil.get()));
    }
    return Map.of("state", "PENDING");
  }

}
