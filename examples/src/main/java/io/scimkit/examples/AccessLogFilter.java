package io.scimkit.examples;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes one line per request: method, path (without the query, which holds filter values such as
 * user names), status and milliseconds, e.g. {@code GET /scim/v2/Users 200 3 ms}. It reads no
 * header, so neither the {@code Authorization} header nor a token can reach the log. Runs before
 * every other filter (pre-matching, lowest priority value), so refused and unmatched requests are
 * logged too.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 1000)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";

    private final Consumer<String> sink;

    /** Sends each line to the sink (the server's log, or a test's list). */
    public AccessLogFilter(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long nanos ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos) : -1;
        sink.accept(line(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(), response.getStatus(),
                millis));
    }

    /** The log line of one request. */
    static String line(String method, String rawPath, int status, long millis) {
        return method + " " + rawPath + " " + status + " " + millis + " ms";
    }
}
