package io.scimkit.testkit.load;

import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import io.scimkit.testkit.target.TargetUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A fixed pool of workers that send a load run's requests: each send waits for the rate limiter,
 * is timed, and a response with an unexpected status becomes a problem. When the target cannot
 * be reached the pool stops: the remaining tasks are skipped, since every later request would
 * wait for the same timeout.
 */
final class WorkPool implements AutoCloseable {
    private static final int BODY_EXCERPT = 300;

    private final Target target;
    private final ExecutorService workers;
    private final RateLimiter limiter;
    private final LatencyRecorder latencies;
    private final ProblemLog problems;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<@Nullable String> unavailable = new AtomicReference<>();

    WorkPool(Target target, int concurrency, RateLimiter limiter, LatencyRecorder latencies, ProblemLog problems) {
        this.target = target;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "scim-load-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.limiter = limiter;
        this.latencies = latencies;
        this.problems = problems;
    }

    /**
     * Sends a request and returns its response if the status is one of {@code expected};
     * otherwise records the problem (or, if the target is unreachable, stops the pool) and
     * returns {@code null}.
     */
    @Nullable TargetResponse send(RequestKind kind, TargetRequest request, Set<Integer> expected) {
        if (stopped()) {
            return null;
        }
        try {
            limiter.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            unavailable.compareAndSet(null, "interrupted");
            return null;
        }
        long started = System.nanoTime();
        TargetResponse response;
        try {
            response = target.send(request);
        } catch (TargetUnavailableException down) {
            unavailable.compareAndSet(null, down.getMessage());
            return null;
        }
        sent.incrementAndGet();
        boolean ok = expected.contains(response.status());
        latencies.record(kind, started, response.elapsed(), !ok);
        if (!ok) {
            problems.add(kind.label() + ": " + request.method() + " " + request.pathAndQuery() + " answered "
                    + response.status() + " (expected " + expected + ")" + excerpt(response));
            return null;
        }
        return response;
    }

    /**
     * Runs {@code task(0)} to {@code task(count - 1)} on the workers and waits for all of them.
     * A task that throws is a problem of the run, not of the server's.
     */
    void runPhase(int count, IntConsumer task, LoadListener listener) {
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(workers.submit(() -> {
                try {
                    if (!stopped()) {
                        task.accept(index);
                    }
                } finally {
                    listener.taskFinished();
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException failed) {
                problems.add("load mode error: " + failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                unavailable.compareAndSet(null, "interrupted");
                futures.forEach(pending -> pending.cancel(true));
                return;
            }
        }
    }

    /** Records a problem found in a response whose status was fine. */
    void problem(String text) {
        problems.add(text);
    }

    /** How many requests got a response so far. */
    long sent() {
        return sent.get();
    }

    /** Whether the pool stopped because the target could not be reached. */
    boolean stopped() {
        return unavailable.get() != null;
    }

    /** Why the pool stopped, or {@code null}. */
    @Nullable String unavailable() {
        return unavailable.get();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    static String excerpt(TargetResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return ": " + (text.length() <= BODY_EXCERPT ? text : text.substring(0, BODY_EXCERPT) + "…");
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
