package io.scimkit.testkit.scenario;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a response must look like: one of the allowed status codes (RFC 7644 §3.12, e.g. 200 or 204
 * for a user PATCH, §3.5.2), the media type of a non-empty body (RFC 7644 §8.1:
 * {@code application/scim+json}; Entra's SCIM Validator aborts on anything else), and JsonPath
 * assertions on the body. {@code because} explains a wrong status in the failure report.
 *
 * @param status allowed status codes; never empty
 * @param contentType the media type a non-empty body must have (parameters such as charset are
 *     ignored), or {@code null} to accept any
 * @param assertions checks on the JSON body
 * @param because what a wrong status means, or {@code null}
 */
public record Expectation(List<Integer> status, @Nullable String contentType, List<JsonAssertion> assertions,
        @Nullable String because) {
    /** The media type of every SCIM body (RFC 7644 §8.1). */
    public static final String SCIM_JSON = "application/scim+json";

    public Expectation {
        status = List.copyOf(Objects.requireNonNull(status, "status"));
        assertions = List.copyOf(Objects.requireNonNull(assertions, "assertions"));
        if (status.isEmpty()) {
            throw new IllegalArgumentException("an expectation allows at least one status");
        }
    }

    /** Status 200 with a SCIM body and no other checks (the default of an end-state check). */
    public static Expectation ok() {
        return new Expectation(List.of(200), SCIM_JSON, List.of(), null);
    }

    /** A readable form for reports. */
    public String describe() {
        StringBuilder text = new StringBuilder("status ")
                .append(status.size() == 1 ? status.get(0).toString() : "one of " + status);
        if (contentType != null) {
            text.append(", body ").append(contentType);
        }
        if (!assertions.isEmpty()) {
            text.append(", ").append(assertions.stream().map(JsonAssertion::describe).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }
}
