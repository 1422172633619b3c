package io.sweep.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.javalin.http.Context;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Zoho's API limits, per token and per node: calls per minute (resilience4j's limiter, a fresh
 * allowance each minute) and calls at once (a semaphore held until the answer is written). A call
 * over either is answered {@code 429 TOO_MANY_REQUESTS} with a {@code Retry-After}. A limit of 0
 * is off. Each node counts for itself: behind a load balancer over n nodes a token may make up to
 * n times the limit. One limiter and one semaphore per token that called; tokens are few.
 */
public final class TokenRateLimits {
    private static final String HELD = "sweep.rate_limit_permit";

    private final int perMinute;
    private final int concurrent;
    private final RateLimiterConfig minute;
    private final Map<Long, RateLimiter> minutes = new ConcurrentHashMap<>();
    private final Map<Long, Semaphore> atOnce = new ConcurrentHashMap<>();

    public TokenRateLimits(int perMinute, int concurrent) {
        this.perMinute = perMinute;
        this.concurrent = concurrent;
        this.minute = perMinute == 0 ? null : RateLimiterConfig.custom()
                .limitForPeriod(perMinute).limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();
    }

    /** No limits at all. */
    public static TokenRateLimits off() {
        return new TokenRateLimits(0, 0);
    }

    /**
     * Admits one call of this token or throws {@code TOO_MANY_REQUESTS}. A call admitted under the
     * limit at once holds its place until {@link #release} (the request's end).
     */
    void admit(Context ctx, long tokenId) {
        if (minute != null) {
            RateLimiter limiter = minutes.computeIfAbsent(tokenId, id -> RateLimiter.of("token-" + id, minute));
            if (!limiter.acquirePermission()) {
                long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 0;
                throw refused("requests_per_minute", perMinute, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
            }
        }
        if (concurrent > 0) {
            Semaphore places = atOnce.computeIfAbsent(tokenId, id -> new Semaphore(concurrent));
            if (!places.tryAcquire()) throw refused("concurrent_calls", concurrent, 1);
            ctx.attribute(HELD, places);
        }
    }

    /** The request has been answered: its place among the token's calls at once is free again. */
    static void release(Context ctx) {
        Semaphore held = ctx.attribute(HELD);
        if (held != null) {
            ctx.attribute(HELD, null);
            held.release();
        }
    }

    private static ApiException refused(String limit, int value, long retryAfterSeconds) {
        return new ApiException(ErrorCode.RATE_LIMITED, Map.of("limit_name", limit, "limit", value, "retry_after_seconds", retryAfterSeconds));
    }
}
