package io.nfttraders.signer.internal;

import io.nfttraders.signer.WalletId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-wallet sliding-window limit: at most N signatures in any 60 seconds. A sliding log rather
 * than a token bucket because it is exact and N is small; a compromised caller cannot burst beyond
 * N at a window boundary.
 */
final class RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final ConcurrentMap<Long, Deque<Instant>> windows = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes a slot if one is free. Atomic per wallet: compute() locks the wallet's entry. */
    boolean tryAcquire(WalletId wallet, int limit) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(WINDOW);
        boolean[] granted = {false};
        windows.compute(wallet.index(), (index, window) -> {
            Deque<Instant> w = window != null ? window : new ArrayDeque<>();
            while (!w.isEmpty() && !w.peekFirst().isAfter(cutoff)) {
                w.pollFirst();
            }
            if (w.size() < limit) {
                w.addLast(now);
                granted[0] = true;
            }
            return w;
        });
        return granted[0];
    }
}
