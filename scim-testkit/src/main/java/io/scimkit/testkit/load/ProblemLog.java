package io.scimkit.testkit.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The problems a load run found: how many, and the first few in words (a run of 10,000 users
 * against a broken server would otherwise print 10,000 lines). Thread-safe.
 */
final class ProblemLog {
    /** How many problems are kept in words. */
    static final int KEPT = 25;

    private final AtomicLong count = new AtomicLong();
    private final List<String> kept = new ArrayList<>();

    void add(String problem) {
        count.incrementAndGet();
        synchronized (kept) {
            if (kept.size() < KEPT) {
                kept.add(problem);
            }
        }
    }

    long count() {
        return count.get();
    }

    List<String> kept() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
