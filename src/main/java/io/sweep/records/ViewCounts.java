package io.sweep.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Record counts of views for the views list, kept briefly. Listing views counts every view a user
 * may use, and a view shared with everyone is counted for each user who opens the list: without
 * this, one costly view costs that much again on every list of every user. A count is kept per
 * view, user and criteria (a changed view is counted afresh), for {@link #TTL}.
 */
final class ViewCounts {
    static final Duration TTL = Duration.ofSeconds(30);
    /** Enough for every view of every user of a busy server; beyond it the cache starts over. */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(long viewId, long userId, String criteria) {}

    private record Entry(Long count, Instant until) {}

    private final Clock clock;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    ViewCounts(Clock clock) {
        this.clock = clock;
    }

    Long get(long viewId, long userId, String criteria, Supplier<Long> count) {
        Key key = new Key(viewId, userId, criteria == null ? "" : criteria);
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) return entry.count();
        Long fresh = count.get();
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(key, new Entry(fresh, now.plus(TTL)));
        return fresh;
    }
}
