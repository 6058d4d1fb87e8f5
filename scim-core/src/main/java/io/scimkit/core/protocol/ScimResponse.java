package io.scimkit.core.protocol;

import io.scimkit.core.codec.internal.ErrorCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.ErrorResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP response of the SCIM service: status, headers (a body is always
 * {@code application/scim+json}, RFC 7644 §3.1, §8.1) and body bytes. Immutable.
 */
public record ScimResponse(int status, Map<String, String> headers, byte[] body) {
    /** {@code application/scim+json} (RFC 7644 §8.1). */
    public static final String SCIM_JSON = "application/scim+json";

    public ScimResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (headers != JSON_HEADERS) {
            headers = caseInsensitiveCopy(headers);
        }
    }

    /** The headers of {@link #json}: built once, since every JSON response has them. */
    private static final Map<String, String> JSON_HEADERS = caseInsensitiveCopy(Map.of("Content-Type", SCIM_JSON));

    private static Map<String, String> caseInsensitiveCopy(Map<String, String> headers) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return Collections.unmodifiableMap(copy);
    }

    /** A response with a SCIM JSON body. */
    public static ScimResponse json(int status, byte[] body) {
        return new ScimResponse(status, JSON_HEADERS, body);
    }

    /** A response without a body (204, 304). */
    public static ScimResponse empty(int status) {
        return new ScimResponse(status, Map.of(), new byte[0]);
    }

    /** The RFC 7644 §3.12 error response for an exception. */
    public static ScimResponse error(ScimException exception) {
        ScimResponse response = json(exception.status(), ErrorCodec.write(ErrorResponse.of(exception)));
        if (exception.status() == 401) {
            // Every 401 names the accepted scheme (RFC 7644 §2, RFC 7235 §4.1).
            response = response.withHeader("WWW-Authenticate", "Bearer realm=\"SCIM\"");
        }
        return response;
    }

    /** A copy with this header set. */
    public ScimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new ScimResponse(status, copy, body);
    }

    /** The header's value, if set. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The body as UTF-8 text, for tests and logs of non-sensitive responses. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ScimResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "ScimResponse[" + status + ", " + body.length + " bytes]";
    }
}
