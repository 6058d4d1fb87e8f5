package io.scimkit.testkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.testkit.target.Target;
import io.scimkit.testkit.target.TargetRequest;
import io.scimkit.testkit.target.TargetResponse;
import io.scimkit.testkit.target.TargetUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A fixed pool of workers that send a load run's requests: each send waits for the rate limiter,
 * is timed, and a response with an unexpected status becomes a problem. A 429 is counted, checked
 * (a {@code Retry-After} and an RFC 7644 §3.12 error body) and, with throttle retries, sent again
 * after the {@code Retry-After} wait (see {@link LoadRunner#withThrottleRetries}). When the target cannot
 * be reached the pool stops: the remaining tasks are skipped, since every later request would
 * wait for the same timeout.
 */
final class WorkPool implements AutoCloseable {
    private static final int BODY_EXCERPT = 300;
    /** The longest {@code Retry-After} the load mode waits for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final Target target;
    private final ExecutorService workers;
    private final RateLimiter limiter;
    private final LatencyRecorder latencies;
    private final ProblemLog problems;
    private final int throttleRetries;
    private final LongConsumer sleeper;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicReference<@Nullable String> unavailable = new AtomicReference<>();

    WorkPool(Target target, int concurrency, RateLimiter limiter, LatencyRecorder latencies, ProblemLog problems,
            int throttleRetries) {
        this(target, concurrency, limiter, latencies, problems, throttleRetries, WorkPool::sleepMillis);
    }

    /** @param sleeper waits this many milliseconds (a test's records the waits instead) */
    WorkPool(Target target, int concurrency, RateLimiter limiter, LatencyRecorder latencies, ProblemLog problems,
            int throttleRetries, LongConsumer sleeper) {
        this.target = target;
        this.throttleRetries = throttleRetries;
        this.sleeper = sleeper;
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
     * returns {@code null}. A 429 is sent again after its {@code Retry-After} while retries are left.
     */
    @Nullable TargetResponse send(RequestKind kind, TargetRequest request, Set<Integer> expected) {
        for (int attempt = 0; ; attempt++) {
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
            if (response.status() == TOO_MANY_REQUESTS && !expected.contains(TOO_MANY_REQUESTS)) {
                throttled.incrementAndGet();
                Duration wait = retryAfter(kind, request, response);
                if (wait == null) {
                    return null;
                }
                if (attempt < throttleRetries) {
                    sleeper.accept(Math.max(0, wait.toMillis()));
                    if (Thread.currentThread().isInterrupted()) {
                        unavailable.compareAndSet(null, "interrupted");
                        return null;
                    }
                    continue;
                }
            }
            boolean ok = expected.contains(response.status());
            latencies.record(kind, started, response.elapsed(), !ok);
            if (!ok) {
                problems.add(kind.label() + ": " + request.method() + " " + request.pathAndQuery() + " answered "
                        + response.status() + " (expected " + expected + ")" + excerpt(response));
                return null;
            }
            return response;
        }
    }

    /**
     * How long a 429 asks the client to wait: its {@code Retry-After} in seconds or as an HTTP date
     * (RFC 9110 §10.2.3). {@code null}, with a problem recorded, if it has none that is usable or its
     * body is not a SCIM error (RFC 7644 §3.12) with status 429.
     */
    private @Nullable Duration retryAfter(RequestKind kind, TargetRequest request, TargetResponse response) {
        String what = kind.label() + ": " + request.method() + " " + request.pathAndQuery() + " answered 429";
        JsonNode body = ResponseBodies.json(response);
        JsonNode schemas = body == null ? null : ResponseBodies.member(body, "schemas");
        boolean scimError = schemas != null && schemas.isArray() && schemas.toString().contains(ERROR_SCHEMA)
                && "429".equals(ResponseBodies.text(body, "status"));
        if (!scimError) {
            problems.add(what + " without an RFC 7644 §3.12 error body of status \"429\"" + excerpt(response));
            return null;
        }
        Duration wait = parseRetryAfter(response.header("Retry-After"), Instant.now());
        if (wait == null || wait.compareTo(MAX_RETRY_AFTER) > 0) {
            problems.add(what + " without a Retry-After of at most " + MAX_RETRY_AFTER.toSeconds()
                    + " seconds (RFC 6585 §4, RFC 9110 §10.2.3): " + response.header("Retry-After"));
            return null;
        }
        return wait;
    }

    /** A {@code Retry-After} value as a wait from {@code now}: delta-seconds or an HTTP date; {@code null} if neither. */
    static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
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

    /** How many responses were 429 Too Many Requests. */
    long throttled() {
        return throttled.get();
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
