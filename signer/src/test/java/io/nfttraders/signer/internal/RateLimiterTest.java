package io.nfttraders.signer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.signer.WalletId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void windowIsExactlySixtySecondsAndPerWallet() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        RateLimiter limiter = new RateLimiter(clock);
        WalletId a = WalletId.of(1);

        assertThat(limiter.tryAcquire(a, 2)).isTrue();
        assertThat(limiter.tryAcquire(a, 2)).isTrue();
        assertThat(limiter.tryAcquire(a, 2)).isFalse();
        assertThat(limiter.tryAcquire(WalletId.of(2), 2)).isTrue();

        now[0] = start.plusSeconds(59);
        assertThat(limiter.tryAcquire(a, 2)).isFalse();
        now[0] = start.plusSeconds(60);
        assertThat(limiter.tryAcquire(a, 2)).isTrue();
        assertThat(limiter.tryAcquire(a, 2)).isTrue();
        assertThat(limiter.tryAcquire(a, 2)).isFalse();
    }
}
