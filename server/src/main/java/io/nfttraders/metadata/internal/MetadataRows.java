package io.nfttraders.metadata.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.metadata.ForeignMetadata;
import io.nfttraders.metadata.ForeignMetadata.Attribute;
import io.nfttraders.metadata.ForeignMetadata.State;
import io.nfttraders.metadata.ForeignMetadata.TokenMetadata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The queue of metadata fetches and their results ({@code token_metadata}), and the reads of them. */
@Component
class MetadataRows implements ForeignMetadata {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A fetch to make: the token, how to ask it for its URI, and how many attempts failed before. */
  record Due(TokenRef token, TokenStandard standard, int attempts) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  MetadataRows(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Queues these tokens (due now); tokens queued before keep their row. */
  void queue(long chainId, Collection<TokenRef> tokens, Collection<TokenStandard> standards) {
    if (tokens.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
            insert into token_metadata (chain_id, contract, token_id, standard, state, next_attempt_at, updated_at)
            select :chain, c, t, s, 'PENDING', :now, :now from unnest(:contracts::text[], :tokens::numeric[], :standards::text[]) as v(c, t, s)
            on conflict do nothing
            """)
        .param("chain", chainId).param("now", now)
        .param("contracts", tokens.stream().map(t -> t.contract().hex()).toArray(String[]::new))
        .param("tokens", tokens.stream().map(t -> new BigDecimal(t.tokenId())).toArray(BigDecimal[]::new))
        .param("standards", standards.stream().map(TokenStandard::name).toArray(String[]::new))
        .update();
  }

  /** Makes the contract's queued tokens with ids in {@code from..to} due again (EIP-4906); answers how many. */
  int refresh(long chainId, Address contract, BigInteger from, BigInteger to) {
    return jdbc.sql("""
            update token_metadata set state = 'PENDING', attempts = 0, next_attempt_at = :now, updated_at = :now
            where chain_id = :chain and contract = :contract and token_id between :from and :to
            """)
        .param("chain", chainId).param("contract", contract.hex()).param("from", new BigDecimal(from)).param("to", new BigDecimal(to))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * A refresh its owner asked for: due now, unless the last one was asked for within {@code interval}.
   *
   * @return when the next refresh may be asked for, if this one was refused; empty if the token is not queued here
   */
  Optional<Optional<Instant>> requestRefresh(TokenRef token, Duration interval) {
    Instant now = clock.instant();
    Optional<Timestamp> last = jdbc.sql("""
            select coalesce(refresh_requested_at, 'epoch'::timestamptz) from token_metadata
            where chain_id = :chain and contract = :contract and token_id = :token for update
            """)
        .param("chain", token.chainId().value()).param("contract", token.contract().hex()).param("token", new BigDecimal(token.tokenId()))
        .query(Timestamp.class).optional();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    Instant next = last.get().toInstant().plus(interval);
    if (next.isAfter(now)) {
      return Optional.of(Optional.of(next));
    }
    jdbc.sql("""
            update token_metadata set state = 'PENDING', attempts = 0, next_attempt_at = :now, refresh_requested_at = :now, updated_at = :now
            where chain_id = :chain and contract = :contract and token_id = :token
            """)
        .param("chain", token.chainId().value()).param("contract", token.contract().hex()).param("token", new BigDecimal(token.tokenId()))
        .param("now", Timestamp.from(now))
        .update();
    return Optional.of(Optional.empty());
  }

  /**
   * Takes up to {@code limit} due fetches for this worker: each is leased for {@code lease}, after
   * which another worker may take it (this one having died), and none is taken twice at once.
   */
  List<Due> claim(int limit, Duration lease) {
    Instant now = clock.instant();
    return jdbc.sql("""
            update token_metadata m set next_attempt_at = :lease from (
              select chain_id, contract, token_id from token_metadata where state = 'PENDING' and next_attempt_at <= :now
              order by next_attempt_at limit :limit for update skip locked) d
            where m.chain_id = d.chain_id and m.contract = d.contract and m.token_id = d.token_id
            returning m.chain_id, m.contract, m.token_id, m.standard, m.attempts
            """)
        .param("now", Timestamp.from(now)).param("lease", Timestamp.from(now.plus(lease))).param("limit", limit)
        .query((rs, n) -> new Due(new TokenRef(ChainId.of(rs.getLong(1)), Address.of(rs.getString(2)), rs.getBigDecimal(3).toBigIntegerExact()),
            TokenStandard.valueOf(rs.getString(4)), rs.getInt(5)))
        .list();
  }

  void fetched(TokenRef token, String uri, MetadataDocument document, @Nullable String imageCid, @Nullable String imageProblem) {
    jdbc.sql("""
            update token_metadata set state = 'FETCHED', uri = :uri, name = :name, description = :description, image_cid = :image,
              attributes = :attributes::jsonb, problem = :problem, attempts = attempts + 1, updated_at = :now
            where chain_id = :chain and contract = :contract and token_id = :token
            """)
        .param("uri", uri).param("name", document.name()).param("description", document.description()).param("image", imageCid)
        .param("attributes", JSON.writeValueAsString(document.attributes())).param("problem", imageProblem)
        .param("now", Timestamp.from(clock.instant()))
        .param("chain", token.chainId().value()).param("contract", token.contract().hex()).param("token", new BigDecimal(token.tokenId()))
        .update();
  }

  /** A failed attempt: due again after {@code retryAfter}, or BROKEN for good when it is null. */
  void failed(TokenRef token, @Nullable String uri, String problem, @Nullable Duration retryAfter) {
    Instant now = clock.instant();
    jdbc.sql("""
            update token_metadata set state = :state, uri = coalesce(:uri, uri), problem = :problem, attempts = attempts + 1,
              next_attempt_at = :next, updated_at = :now
            where chain_id = :chain and contract = :contract and token_id = :token
            """)
        .param("state", retryAfter == null ? "BROKEN" : "PENDING").param("uri", uri).param("problem", problem)
        .param("next", Timestamp.from(retryAfter == null ? now : now.plus(retryAfter))).param("now", Timestamp.from(now))
        .param("chain", token.chainId().value()).param("contract", token.contract().hex()).param("token", new BigDecimal(token.tokenId()))
        .update();
  }

  @Override
  public Map<TokenRef, TokenMetadata> of(List<TokenRef> tokens) {
    Map<TokenRef, TokenMetadata> found = new LinkedHashMap<>();
    if (tokens.isEmpty()) {
      return found;
    }
    jdbc.sql("""
            select chain_id, contract, token_id, state, name, description, image_cid, attributes::text, problem from token_metadata
            where (chain_id, contract, token_id) in (select * from unnest(:chains::bigint[], :contracts::text[], :tokens::numeric[]))
            """)
        .param("chains", tokens.stream().map(t -> t.chainId().value()).toArray(Long[]::new))
        .param("contracts", tokens.stream().map(t -> t.contract().hex()).toArray(String[]::new))
        .param("tokens", tokens.stream().map(t -> new BigDecimal(t.tokenId())).toArray(BigDecimal[]::new))
        .query((rs, n) -> Map.entry(new TokenRef(ChainId.of(rs.getLong(1)), Address.of(rs.getString(2)), rs.getBigDecimal(3).toBigIntegerExact()),
            new TokenMetadata(State.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                JSON.readValue(rs.getString(8), new TypeReference<List<Attribute>>() {}), rs.getString(9))))
        .list()
        .forEach(e -> found.put(e.getKey(), e.getValue()));
    return found;
  }
}
