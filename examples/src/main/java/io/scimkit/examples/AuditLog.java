package io.scimkit.examples;

import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.RequestObserver;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The audit log: one line per SCIM request, as {@code key=value} pairs in a fixed order, e.g.
 *
 * <pre>{@code
 * request=5b0e... tenant=acme principal="bearer token of tenant acme" method=PATCH path=/Users/{id}
 *     id=2819c223 status=200 ms=4 rules=op-case-insensitive
 * }</pre>
 *
 * <p>{@code path} is the path template below the SCIM base path (the resource id replaced by
 * {@code {id}}; no query, which holds filter values such as user names); {@code id} is the resource
 * id from the path, or from {@code Location} after a create (RFC 7644 §3.3), else {@code -};
 * {@code rules} are the client dialect rules that rewrote this request (see
 * {@code docs/entra-quirks.md}), {@code -} if none; {@code tenant} and {@code principal} are
 * {@code -} for an unauthenticated request or one refused before the service saw it (429). The
 * request id is the client's {@code X-Request-Id} when it is 1 to 64 letters, digits or
 * {@code -._:}, else a new UUID, and is echoed in the response's {@code X-Request-Id} header.
 * Values are printable ASCII, at most 128 characters, quoted when they hold a space. No header
 * (so no token) and no body is ever read into the line. Requests outside the base path (health
 * probes) are not audited.
 *
 * <p>Both a {@link RequestLog} (timing, request id, status; driven by {@link RequestLogFilter} or
 * {@link DirectScimHandler}) and the service's {@link RequestObserver} (principal and dialect rules).
 * Both containers run the log's begin, the service and the log's end on one thread for a request, so
 * the observer hands its part to the entry through a thread-local of this instance.
 */
public final class AuditLog implements RequestLog, RequestObserver {
    /** The request and response header carrying the request id. */
    public static final String REQUEST_ID = "X-Request-Id";

    private static final int MAX_REQUEST_ID = 64;
    private static final int MAX_VALUE = 128;

    private final String basePath;
    private final Consumer<String> sink;
    private final ThreadLocal<Served> served = new ThreadLocal<>();

    /** What the service told the observer about the request in progress on this thread. */
    private record Served(@Nullable ScimPrincipal principal, Set<DialectRule> rules) {
    }

    /**
     * @param basePath the SCIM base path ({@code /scim/v2}, or {@code ""} for the root)
     * @param sink receives each line (the {@code io.scimkit.audit} logger, or a test's list)
     */
    public AuditLog(String basePath, Consumer<String> sink) {
        this.basePath = Objects.requireNonNull(basePath, "basePath");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public @Nullable Entry begin(String method, String rawPath, @Nullable String sentRequestId) {
        served.remove();
        String path = scimPath(rawPath);
        if (path == null) {
            return null;
        }
        String requestId = requestId(sentRequestId);
        long started = System.nanoTime();
        return new Entry() {
            @Override
            public String requestId() {
                return requestId;
            }

            @Override
            public void end(int status, @Nullable String location) {
                Served seen = served.get();
                served.remove();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                sink.accept(line(requestId, seen == null ? null : seen.principal(), method, path, location, status,
                        millis, seen == null ? Set.of() : seen.rules()));
            }
        };
    }

    @Override
    public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules) {
        served.set(new Served(request.principal(), Set.copyOf(firedRules)));
    }

    /** The audit line of one request; {@code rawPath} is below the base path, as sent. */
    static String line(String requestId, @Nullable ScimPrincipal principal, String method, String rawPath,
            @Nullable String location, int status, long millis, Set<DialectRule> rules) {
        PathShape shape = PathShape.of(rawPath);
        String id = shape.id() != null ? shape.id()
                : status == 201 && location != null ? location.substring(location.lastIndexOf('/') + 1) : null;
        return "request=" + value(requestId)
                + " tenant=" + value(principal == null ? null : principal.tenant())
                + " principal=" + value(principal == null ? null : principal.name())
                + " method=" + value(method)
                + " path=" + value(shape.template())
                + " id=" + value(id)
                + " status=" + status
                + " ms=" + millis
                + " rules=" + value(rules.isEmpty() ? null
                        : rules.stream().map(DialectRule::id).collect(Collectors.joining(",")));
    }

    /** The client's request id if it is sane, else a new one. */
    static String requestId(@Nullable String sent) {
        if (sent != null && !sent.isEmpty() && sent.length() <= MAX_REQUEST_ID
                && sent.chars().allMatch(AuditLog::requestIdChar)) {
            return sent;
        }
        return randomUuid().toString();
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a request id correlates log lines and
     * is no secret, and {@link UUID#randomUUID()} would take the one lock of the JDK's shared
     * {@code SecureRandom} on every request.
     */
    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC0L << 56) | 0x80L << 56;
        return new UUID(high, low);
    }

    private static boolean requestIdChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == ':';
    }

    /** A value for the line: {@code -} if absent; printable ASCII, bounded, quoted if it holds a space. */
    static String value(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        boolean quote = false;
        for (int i = 0; i < text.length() && out.length() < MAX_VALUE; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                quote = true;
                out.append(c);
            } else if (c == '"' || c == '\\' || c < 0x21 || c > 0x7e) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return quote ? '"' + out.toString() + '"' : out.toString();
    }

    /** The raw path below the base path, or {@code null} if the request is not a SCIM request. */
    private @Nullable String scimPath(String raw) {
        if (basePath.isEmpty()) {
            return raw.startsWith("/health/") || raw.equals("/health") ? null : raw;
        }
        if (raw.equals(basePath)) {
            return "";
        }
        return raw.startsWith(basePath + "/") ? raw.substring(basePath.length()) : null;
    }

    /**
     * A path below the base reduced to its template: the endpoint's name ({@code /Users},
     * {@code /Bulk}, {@code /.search}, ...), then {@code {id}} for a resource id (or {@code .search}),
     * then {@code /...} for anything deeper (which no SCIM endpoint serves).
     */
    record PathShape(String template, @Nullable String id) {
        static PathShape of(String rawPath) {
            String[] segments = rawPath.replaceAll("^/+", "").split("/+", 3);
            if (segments.length == 0 || segments[0].isEmpty()) {
                return new PathShape("/", null);
            }
            String endpoint = segments[0].matches("[A-Za-z.]{1,40}") ? segments[0] : "{unknown}";
            if (segments.length == 1 || segments[1].isEmpty()) {
                return new PathShape("/" + endpoint, null);
            }
            boolean search = segments[1].equals(".search");
            String template = "/" + endpoint + (search ? "/.search" : "/{id}") + (segments.length > 2 ? "/..." : "");
            return new PathShape(template, search ? null : segments[1]);
        }
    }
}
