package io.scimkit.testkit.target;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request to a SCIM service, relative to its base URL: method, path below the base (e.g.
 * {@code /Users/2819c223}), the raw, already encoded query string without {@code ?} (empty if
 * none), header fields in order (never {@code Authorization}: the target adds that from
 * {@link #credentials()}), body bytes (empty if none) and which credentials to present.
 */
public record TargetRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
        Credentials credentials) {

    public TargetRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(credentials, "credentials");
        method = method.toUpperCase(Locale.ROOT);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path below the base URL starts with '/': " + path);
        }
        for (String name : headers.keySet()) {
            if (name.equalsIgnoreCase("Authorization")) {
                throw new IllegalArgumentException("credentials are the target's business, not a header");
            }
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** A GET without query, headers or body, with valid credentials. */
    public static TargetRequest get(String path) {
        return new TargetRequest("GET", path, "", Map.of(), new byte[0], Credentials.VALID);
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The path with {@code ?query} when there is one. */
    public String pathAndQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    /** The value of a header, ignoring the case of its name. */
    public @Nullable String header(String name) {
        for (Map.Entry<String, String> field : headers.entrySet()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TargetRequest that && method.equals(that.method) && path.equals(that.path)
                && rawQuery.equals(that.rawQuery) && headers.equals(that.headers) && Arrays.equals(body, that.body)
                && credentials == that.credentials;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, rawQuery, headers, Arrays.hashCode(body), credentials);
    }

    @Override
    public String toString() {
        return "TargetRequest[" + method + " " + pathAndQuery() + "]";
    }
}
