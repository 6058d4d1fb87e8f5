package io.scimkit.jdbc.mapping;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New ids for tables whose ids the store assigns: version 7 UUIDs (RFC 9562 §5.7), which begin
 * with the creation time in milliseconds, then a counter within the millisecond, then random bits.
 * Ids of one generator increase, so ordering rows by id is ordering them by creation (members list
 * in the order they were added) and a B-tree index on the id grows at its end. Thread-safe.
 */
final class TimeOrderedIds {
    private final SecureRandom random = new SecureRandom();
    private long lastMillis;
    private int counter;

    /** A new id, greater than every id this generator gave before. */
    synchronized UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (++counter > 0xFFF) {
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
