package io.scimkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Group commit: a write transaction that has committed waits, before its store call returns (so
 * before the HTTP response), until a flush that <em>started after its commit</em> has finished,
 * and one flush serves every commit that came before it. There is no background thread: the first
 * waiter while no flush runs leads, running the flush on its own connection; the others wait for
 * it (at most the given timeout). A flush that fails fails the leader and every write that was
 * waiting for it, so that no write is acknowledged that was not written.
 *
 * <p>Flushes are numbered: {@code started} counts the flushes begun, {@code finished} the flushes
 * ended (at most one runs at a time), {@code succeeded} is the number of the last one that
 * succeeded. A commit arriving when {@code started} flushes have begun needs flush
 * {@code started + 1} or a later one to succeed.
 */
final class GroupCommit {
    /** Writes every change committed before it was called to the database's file. */
    @FunctionalInterface
    interface Flush {
        void run(Connection connection) throws SQLException;
    }

    private final Flush flush;
    private final long timeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    private long started;
    private long finished;
    private long succeeded;
    private @Nullable Exception lastFailure;

    GroupCommit(Flush flush, Duration timeout) {
        this.flush = flush;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Returns once a flush that started after this call has written the changes committed before
     * it; call it after the commit, on the connection that committed (a leader flushes on it).
     *
     * @throws SQLException if that flush failed, or none finished within the timeout, or the
     *     thread was interrupted while waiting
     */
    void awaitWritten(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            long needed = started + 1;
            while (finished < needed) {
                if (started == finished) {
                    lead(connection);
                } else {
                    follow(deadline);
                }
            }
            if (succeeded < needed) {
                throw new SQLException("the database could not write a committed change to its file", "58030",
                        lastFailure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The number of flushes run so far. */
    long flushes() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** The number of writes waiting for another's flush now (for tests). */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(ended);
        } finally {
            lock.unlock();
        }
    }

    /** Runs one flush outside the lock; called and returning with the lock held. */
    private void lead(Connection connection) throws SQLException {
        long mine = ++started;
        Exception failure = null;
        boolean written = false;
        lock.unlock();
        try {
            flush.run(connection);
            written = true;
        } catch (SQLException | RuntimeException failed) {
            failure = failed;
            throw failed;
        } finally {
            lock.lock();
            finished = mine;
            if (written) {
                succeeded = mine;
            } else {
                lastFailure = failure;
            }
            ended.signalAll();
        }
    }

    private void follow(long deadline) throws SQLException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SQLTimeoutException("no write of the database's file finished within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
        try {
            ended.awaitNanos(left);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the database to write its file", "58030",
                    interrupted);
        }
    }
}
