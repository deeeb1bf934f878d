package io.nfttraders.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param loginFailuresPerEmail failed logins for one email within {@code loginWindow} before it is throttled
 * @param loginFailuresPerClient failed logins from one client address within the window before it is throttled
 * @param adminEmails accounts signing up with one of these emails get the ADMIN role
 */
@ConfigurationProperties("nft.auth")
record AuthProperties(
    @DefaultValue("nft-traders") String issuer,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("30d") Duration refreshTokenTtl,
    @DefaultValue("5") int loginFailuresPerEmail,
    @DefaultValue("50") int loginFailuresPerClient,
    @DefaultValue("15m") Duration loginWindow,
    @DefaultValue({}) java.util.Set<String> adminEmails) {

  boolean isAdminEmail(String normalizedEmail) {
    return adminEmails.stream().anyMatch(e -> e.trim().equalsIgnoreCase(normalizedEmail));
  }
}
