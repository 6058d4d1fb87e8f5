package io.scimkit.examples;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the pool to drop a connection whose database is gone. H2 closes a database when a command
 * fails with an {@link OutOfMemoryError} (it cannot tell whether the transaction was applied in
 * part) or when it is shut down; every pooled connection then fails with H2's own error codes,
 * which HikariCP does not count as broken (only SQLState class {@code 08} and a few vendor codes),
 * and a connection used within the last half second is handed out again without a check. Without
 * this, a busy server would keep failing on dead connections after the database could be opened
 * again; with it, each dead connection is evicted at its first failure and the next request gets a
 * fresh one (reopening the database file).
 */
public final class DeadDatabaseEviction implements SQLExceptionOverride {
    /** H2: database closed (90098), called at shutdown (90121), connection closed (90007), broken (90067). */
    private static final Set<Integer> H2_DEAD = Set.of(90098, 90121, 90007, 90067);

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return H2_DEAD.contains(failure.getErrorCode()) ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
