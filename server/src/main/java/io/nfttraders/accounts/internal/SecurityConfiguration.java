package io.nfttraders.accounts.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.nfttraders.custody.SecretSealer;
import io.nfttraders.platform.ProblemResponses;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless bearer-token security: every {@code /api/**} call needs a valid access token except
 * sign-up, login, refresh and the public reads listed here. Failures answer in problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The methods the firewall lets through (its defaults); any other is refused before a route is looked for. */
  private static final List<String> SERVED_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** What anyone may call. */
  private static final RequestMatcher PUBLIC = new OrRequestMatcher(
      path(HttpMethod.POST, "/api/v1/auth/signup"), path(HttpMethod.POST, "/api/v1/auth/login"), path(HttpMethod.POST, "/api/v1/auth/refresh"),
      path(HttpMethod.POST, "/api/v1/auth/siwe"), read("/api/v1/auth/siwe/nonce"),
      read("/api/v1/chains"), read("/api/openapi.yaml"), read("/api/v1/nfts/*/*/*"), read("/api/v1/collections/*/*"), read("/api/v1/lazy-mints/*"),
      read("/api/v1/orders/*"), read("/api/v1/auctions/*"), read("/api/v1/auctions/*/events"),
      read("/ipfs/**"), path(null, "/graphiql/**"),
      // the web app, its files and the keys' document: everything outside the API and the actuator
      new NegatedRequestMatcher(new OrRequestMatcher(path(null, "/api/**"), path(null, "/actuator/**"))));

  /** Public too, but an ADMIN's valid token shows more. */
  private static final RequestMatcher HEALTH = new OrRequestMatcher(path(null, "/actuator/health"), path(null, "/actuator/health/**"),
      path(null, "/actuator/info"));

  /**
   * No observations (metrics, traces) of each security filter and authentication: they wrapped
   * every filter of every request and cost about a tenth of a request's CPU under load. The HTTP
   * server's own observation (http_server_requests) still covers every request.
   */
  @Bean
  static SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * GraphQL over HTTP is public reads: no operation reads the caller (a WebSocket's caller comes
   * from its connection_init, GraphQlWebSocketAuthentication), so its chain authenticates nobody
   * and keeps only the firewall and the security headers. The bearer-token, anonymous, request-cache
   * and session filters of the API chain were a twentieth of the listings page's CPU.
   */
  @Bean
  @Order(1)
  SecurityFilterChain graphQl(HttpSecurity http) throws Exception {
    http.securityMatcher("/graphql")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.disable())
        .requestCache(c -> c.disable())
        .anonymous(a -> a.disable())
        .securityContext(c -> c.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .headers(Customizer.withDefaults());
    return http.build();
  }

  /**
   * The bid command (a filter of its own after this chain, BidEndpoint): only what a bid needs,
   * the bearer token checked and anyone without one refused, then the security headers. The API
   * chain's anonymous and session filters were about a tenth of a bid's CPU. Stateless like the
   * API chain, said directly since session management is off: no request is saved for later, and
   * the security context lives in the request only, never in an HTTP session.
   */
  @Bean
  @Order(2)
  SecurityFilterChain bids(HttpSecurity http) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/nfts/bid"))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.disable())
        .requestCache(c -> c.requestCache(new NullRequestCache()))
        .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .anonymous(a -> a.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
    return bearerTokensOnly(http, new BearerTokens()).build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(PUBLIC).permitAll()
            .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
            .requestMatchers("/api/**").authenticated()
            .requestMatchers(HEALTH).permitAll()
            .requestMatchers("/actuator/**").hasRole("ADMIN")
            .anyRequest().denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return bearerTokensOnly(http, publicIgnoresBadTokens(new BearerTokens(), decoder)).build();
  }

  /**
   * On a public route a bearer token is not looked at (on health, only a valid one): a client
   * holding an expired one would else be answered 401 where no token is needed, signing in again
   * included.
   */
  private static BearerTokenResolver publicIgnoresBadTokens(BearerTokenResolver tokens, JwtDecoder decoder) {
    AccessTokenCallers valid = new AccessTokenCallers(decoder);
    return request -> {
      if (PUBLIC.matches(request)) {
        return null;
      }
      if (HEALTH.matches(request)) {
        return valid.isSignedIn(request) ? tokens.resolve(request) : null;
      }
      return tokens.resolve(request);
    };
  }

  /** A read: GET, and HEAD, which Spring answers as a GET without its body. */
  private static RequestMatcher read(String pattern) {
    return new OrRequestMatcher(path(HttpMethod.GET, pattern), path(HttpMethod.HEAD, pattern));
  }

  private static RequestMatcher path(@Nullable HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  /** Bearer tokens the only credential, failures answered in problem+json, the default security headers. */
  private static HttpSecurity bearerTokensOnly(HttpSecurity http, BearerTokenResolver tokens) throws Exception {
    return http.oauth2ResourceServer(rs -> rs
            .bearerTokenResolver(tokens)
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter()))
            .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response, ProblemResponses.unauthorized()))
            .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, forbidden())))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response, ProblemResponses.unauthorized()))
            .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, forbidden())))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .headers(Customizer.withDefaults());
  }

  private static org.springframework.http.ProblemDetail forbidden() {
    return ProblemResponses.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this");
  }

  /** Spring Security's strict firewall, with its header-value rule checked by hand ({@link HeaderValues}). */
  @Bean
  HttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderValues(HeaderValues::allowed);
    return firewall;
  }

  /**
   * Authentication failures are published as events; successes are not. A success is every API
   * call that carries a token, nothing listens to it, and publishing it through the application
   * context cost about a twentieth of a bid's CPU.
   */
  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
    DefaultAuthenticationEventPublisher failures = new DefaultAuthenticationEventPublisher(events);
    return new AuthenticationEventPublisher() {
      @Override
      public void publishAuthenticationSuccess(Authentication authentication) {}

      @Override
      public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        failures.publishAuthenticationFailure(exception, authentication);
      }
    };
  }

  /** Spring Security's firewall (traversal, encoded separators, unknown methods...) answers in problem+json too. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, e) -> {
      if (!SERVED_METHODS.contains(request.getMethod())) {
        // a method no route of this server serves: Allow names those any of them does
        response.setHeader("Allow", String.join(", ", SERVED_METHODS));
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
            "The method is not one this server serves (" + String.join(", ", SERVED_METHODS) + ")"));
      } else {
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.BAD_REQUEST, "rejected-request", "Rejected request",
            "The request URL is not allowed (path traversal, encoded separators or similar)"));
      }
    };
  }

  /** OWASP's Argon2id minimum: 19 MiB memory, 2 iterations, parallelism 1. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  }

  @Bean
  RSAKey jwtSigningKey(JdbcClient jdbc, SecretSealer sealer) {
    return JwtKeys.loadOrCreate(jdbc, sealer);
  }

  @Bean
  JwtEncoder jwtEncoder(RSAKey key) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
  }

  @Bean
  JwtDecoder jwtDecoder(RSAKey key, AuthProperties properties, Clock clock) throws JOSEException {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        new JwtTimestampValidator(java.time.Duration.ofSeconds(5)), new JwtIssuerValidator(properties.issuer())));
    return new CachingJwtDecoder(decoder, clock);
  }

  /**
   * Maps the "roles" claim to ROLE_ authorities. There are a handful of role sets, so each set's
   * authorities are made once; the claim conversion and the stream per request were 6% of a bid.
   */
  static final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Map<List<?>, List<GrantedAuthority>> known = new ConcurrentHashMap<>();

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
      return new JwtAuthenticationToken(jwt, authoritiesOf(jwt.getClaims().get("roles")), jwt.getSubject());
    }

    private List<GrantedAuthority> authoritiesOf(@Nullable Object roles) {
      if (!(roles instanceof List<?> list)) {
        return List.of();
      }
      List<GrantedAuthority> granted = known.get(list);
      if (granted == null) {
        granted = authorities(list);
        if (known.size() < 64 && list.stream().allMatch(String.class::isInstance)) {
          known.put(List.copyOf(list), granted);
        }
      }
      return granted;
    }

    private static List<GrantedAuthority> authorities(List<?> list) {
      return list.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
  }
}
