package io.scimkit.testkit.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A target that speaks HTTP/1.1 to a running SCIM endpoint the way Entra ID provisioning does:
 * {@code Authorization: Bearer <token>} on every request (RFC 6750 §2.1), the request's own headers
 * (the replayer adds {@code Content-Type: application/scim+json; charset=utf-8} to bodies and no
 * SCIM {@code Accept} to GETs), no conditional headers (Entra quirk Q18 in
 * {@code docs/entra-quirks.md}).
 * The base URL is the "Tenant URL" and may carry a query such as {@code ?aadOptscim062020}, which
 * is then sent with every request.
 *
 * <p>The token is kept only to build the header: it never appears in {@link #toString()},
 * {@link #describe()}, exception messages or reports. Thread-safe.
 */
public final class HttpTarget implements Target {
    /** Headers {@link HttpClient} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI baseUri;
    private final String token;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Map<String, String> extraHeaders;

    private HttpTarget(Builder builder) {
        this.baseUri = builder.baseUri;
        this.token = builder.token;
        this.requestTimeout = builder.requestTimeout;
        this.extraHeaders = Map.copyOf(builder.extraHeaders);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A target with the default timeouts (connect 10 s, request 60 s). */
    public static HttpTarget of(URI baseUri, String bearerToken) {
        return builder(baseUri, bearerToken).build();
    }

    /** A builder for a target at this Tenant URL with this bearer token. */
    public static Builder builder(URI baseUri, String bearerToken) {
        return new Builder(baseUri, bearerToken);
    }

    @Override
    public TargetResponse send(TargetRequest request) {
        URI uri = uriOf(request);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        extraHeaders.forEach(http::header);
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                http.header(name, value);
            }
        });
        switch (request.credentials()) {
            case VALID -> http.header("Authorization", "Bearer " + token);
            // A token of the right form that no server issued.
            case WRONG -> http.header("Authorization", "Bearer scim-testkit-invalid-" + UUID.randomUUID());
            case NONE -> {
            }
        }
        byte[] body = request.body();
        http.method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new TargetResponse(response.statusCode(), headers, response.body(), elapsed);
        } catch (IOException failed) {
            // The exception's own message may quote the URI but never request headers.
            throw new TargetUnavailableException(request.method() + " " + uri + " failed: " + describe(failed), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TargetUnavailableException(request.method() + " " + uri + " interrupted", interrupted);
        }
    }

    private URI uriOf(TargetRequest request) {
        String base = baseUri.toString();
        String baseQuery = baseUri.getRawQuery();
        if (baseQuery != null) {
            base = base.substring(0, base.indexOf('?'));
        }
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String query = join(baseQuery, request.rawQuery());
        return URI.create(base + request.path() + (query.isEmpty() ? "" : "?" + query));
    }

    private static String join(@Nullable String baseQuery, String requestQuery) {
        if (baseQuery == null || baseQuery.isEmpty()) {
            return requestQuery;
        }
        if (requestQuery.isEmpty()) {
            return baseQuery;
        }
        // The request's own parameters first, the Tenant URL's flag last (order is not significant).
        List<String> requestParameters = List.of(requestQuery.split("&"));
        return requestParameters.contains(baseQuery) ? requestQuery : requestQuery + "&" + baseQuery;
    }

    private static String describe(IOException failed) {
        String message = failed.getMessage();
        return failed.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public String describe() {
        return baseUri.toString();
    }

    @Override
    public String toString() {
        return "HttpTarget[" + baseUri + "]";
    }

    /** Collects the target's settings. Not thread-safe. */
    public static final class Builder {
        private final URI baseUri;
        private final String token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();

        private Builder(URI baseUri, String token) {
            Objects.requireNonNull(baseUri, "baseUri");
            Objects.requireNonNull(token, "bearerToken");
            if (!baseUri.isAbsolute() || !(baseUri.getScheme().equals("http") || baseUri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("the base URL is an absolute http(s) URL: " + baseUri);
            }
            if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                // Do not echo the token: it is a secret even when malformed.
                throw new IllegalArgumentException("the bearer token is non-empty printable ASCII without spaces");
            }
            this.baseUri = baseUri;
            this.token = token;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** How long to wait for each response (default 60 s). */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** A header sent with every request (e.g. for a gateway); not {@code Authorization}. */
        public Builder header(String name, String value) {
            if (name.equalsIgnoreCase("Authorization") || RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the target");
            }
            extraHeaders.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The target. */
        public HttpTarget build() {
            return new HttpTarget(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " is positive");
            }
            return value;
        }
    }
}
