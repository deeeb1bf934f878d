package io.nfttraders.accounts.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-In with Ethereum.
 *
 * @param domains the domains (host[:port]) a sign-in message may name; empty: {@code localhost} and
 *     {@code 127.0.0.1} at the server's own port. Never taken from the request, which a phishing
 *     site relaying a signature could set.
 * @param nonceTtl how long an issued nonce may be used
 * @param clockSkew how far a client's clock may be ahead for Issued At and Not Before
 */
@ConfigurationProperties("nft.siwe")
record SiweProperties(@DefaultValue({}) Set<String> domains, @DefaultValue("10m") Duration nonceTtl, @DefaultValue("1m") Duration clockSkew) {}
