package io.scimkit.examples;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The plain access log: one line per request, method, path (without the query, which holds filter
 * values such as user names), status and milliseconds, e.g. {@code GET /scim/v2/Users 200 3 ms}. It
 * reads no header, so neither the {@code Authorization} header nor a token can reach the log. Every
 * request is logged, refused and unmatched ones too.
 */
public final class AccessLog implements RequestLog {
    private final Consumer<String> sink;

    /** Sends each line to the sink (the server's log, or a test's list). */
    public AccessLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public Entry begin(String method, String rawPath, @Nullable String sentRequestId) {
        long started = System.nanoTime();
        return new Entry() {
            @Override
            public @Nullable String requestId() {
                return null;
            }

            @Override
            public void end(int status, @Nullable String location) {
                sink.accept(line(method, rawPath, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            }
        };
    }

    /** The log line of one request. */
    static String line(String method, String rawPath, int status, long millis) {
        return method + " " + rawPath + " " + status + " " + millis + " ms";
    }
}
