package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The leader/follower logic of {@link GroupCommit} against a model database: a commit bumps
 * {@code committed}; a flush notes how many commits there were when it started and, when done,
 * makes that many {@code written}. A write may return only when its own commit is written.
 */
class GroupCommitTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    /** The model database. */
    private static final class Model {
        final AtomicLong committed = new AtomicLong();
        final AtomicLong written = new AtomicLong();
        final AtomicInteger running = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();

        GroupCommit.Flush flush(Random random) {
            return connection -> {
                if (running.incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                long covered = committed.get();
                pause(random);
                written.accumulateAndGet(covered, Math::max);
                running.decrementAndGet();
            };
        }
    }

    private static void pause(Random random) {
        synchronized (random) {
            if (random.nextInt(3) == 0) {
                Thread.yield();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026})
    void everyWriteReturnsOnlyAfterAFlushThatStartedAfterItsCommit(long seed) throws Exception {
        Random random = new Random(seed);
        Model database = new Model();
        GroupCommit groupCommit = new GroupCommit(database.flush(random), LONG);
        int writers = 8;
        int writesEach = 400;
        AtomicInteger unwritten = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < writesEach; i++) {
                    long mine = database.committed.incrementAndGet();
                    pause(random);
                    groupCommit.awaitWritten(null);
                    if (database.written.get() < mine) {
                        unwritten.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get(1, TimeUnit.MINUTES);
        }
        assertThat(unwritten).as("writes acknowledged before their commit was written").hasValue(0);
        assertThat(database.overlapped).as("two flushes at once").isFalse();
        assertThat(groupCommit.flushes()).isBetween(1L, (long) writers * writesEach);
    }

    @Test
    void aLoneWriteFlushesItselfEachTime() throws SQLException {
        Model database = new Model();
        GroupCommit groupCommit = new GroupCommit(database.flush(new Random(3)), LONG);
        for (int i = 1; i <= 3; i++) {
            database.committed.incrementAndGet();
            groupCommit.awaitWritten(null);
            assertThat(database.written).hasValue(i);
        }
        assertThat(groupCommit.flushes()).isEqualTo(3);
    }

    @Test
    void aFailedFlushFailsEveryWriteWaitingForItAndTheNextFlushServesAgain() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(connection -> {
            int number = flushes.incrementAndGet();
            if (number == 1) {
                firstRunning.countDown();
                await(releaseFirst);
            } else if (number == 2) {
                throw new SQLException("disk full", "58030");
            }
        }, LONG);
        Future<?> leader = threads.submit(() -> {
            groupCommit.awaitWritten(null);
            return null;
        });
        await(firstRunning);
        // Two writes commit while the first flush runs: they need the second flush, which fails.
        Future<?> second = threads.submit(() -> {
            groupCommit.awaitWritten(null);
            return null;
        });
        Future<?> third = threads.submit(() -> {
            groupCommit.awaitWritten(null);
            return null;
        });
        while (groupCommit.waiting() < 2) {
            Thread.yield();
        }
        releaseFirst.countDown();

        leader.get(1, TimeUnit.MINUTES);
        for (Future<?> failed : List.of(second, third)) {
            assertThatThrownBy(() -> failed.get(1, TimeUnit.MINUTES)).hasCauseInstanceOf(SQLException.class)
                    .cause().satisfies(cause -> assertThat(((SQLException) cause).getSQLState()).isEqualTo("58030"));
        }
        assertThat(flushes).hasValue(2);
        // The database recovered: the next write is flushed and returns.
        groupCommit.awaitWritten(null);
        assertThat(flushes).hasValue(3);
    }

    @Test
    void aWriteWaitsNoLongerThanTheTimeoutForAnotherWritesFlush() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit groupCommit = new GroupCommit(connection -> {
            running.countDown();
            await(release);
        }, Duration.ofMillis(1));
        Future<?> leader = threads.submit(() -> {
            groupCommit.awaitWritten(null);
            return null;
        });
        await(running);
        assertThatThrownBy(() -> groupCommit.awaitWritten(null)).isInstanceOf(java.sql.SQLTimeoutException.class);
        release.countDown();
        leader.get(1, TimeUnit.MINUTES);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
