package io.scimkit.testkit.replay;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request and its response as a report shows them: text in HTTP message form (request line,
 * headers, blank line, body), bodies trimmed, never an {@code Authorization} value.
 *
 * @param request the request text
 * @param response the response text, or {@code null} if none came (target unavailable, step skipped)
 */
public record RecordedExchange(String request, @Nullable String response) {
    public RecordedExchange {
        Objects.requireNonNull(request, "request");
    }
}
