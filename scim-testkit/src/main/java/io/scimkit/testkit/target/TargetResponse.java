package io.scimkit.testkit.target;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The response of a SCIM service to a {@link TargetRequest}: status, header fields (names compare
 * without regard to case; repeated fields joined with {@code ", "}), body bytes and how long the
 * exchange took (for reports and the load mode).
 */
public record TargetResponse(int status, Map<String, String> headers, byte[] body, Duration elapsed) {

    public TargetResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(elapsed, "elapsed");
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
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

    /** The value of a header, or {@code null}. */
    public @Nullable String header(String name) {
        return headers.get(name);
    }

    /** A copy with another status and body, same headers (for test doubles that rewrite responses). */
    public TargetResponse withStatusAndBody(int newStatus, byte[] newBody) {
        return new TargetResponse(newStatus, headers, newBody, elapsed);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TargetResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "TargetResponse[" + status + ", " + body.length + " bytes]";
    }
}
