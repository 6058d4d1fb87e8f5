package io.scimkit.testkit.scenario;

import io.scimkit.testkit.target.Credentials;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request of a step, before its placeholders are rendered: method, path template below the
 * base URL ({@code /Users/{{userId}}}), query parameters (unencoded; the replayer encodes them the
 * way Entra does, {@code +} for spaces and {@code %22} for quotes), extra headers, and either a
 * JSON {@code body} or a {@code rawBody} sent as it is (to replay malformed JSON), and the
 * credentials to present.
 */
public record RequestTemplate(String method, TextTemplate path, Map<String, TextTemplate> query,
        Map<String, TextTemplate> headers, @Nullable JsonTemplate body, @Nullable TextTemplate rawBody,
        Credentials credentials) {

    public RequestTemplate {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(credentials, "credentials");
        method = method.toUpperCase(Locale.ROOT);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(query, "query")));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        if (body != null && rawBody != null) {
            throw new IllegalArgumentException("a request has a JSON body or a raw body, not both");
        }
    }

    /** A GET of this path with valid credentials and nothing else. */
    public static RequestTemplate get(String path) {
        return new RequestTemplate("GET", TextTemplate.of(path), Map.of(), Map.of(), null, null, Credentials.VALID);
    }

    /** Whether the request has a body. */
    public boolean hasBody() {
        return body != null || rawBody != null;
    }
}
