package io.scimkit.core.protocol;

import io.scimkit.core.event.ProvisioningEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request on its way through the dispatcher: the request, its path split into segments below
 * the base URI (empty segments dropped, so {@code /Users/} is {@code /Users}), the effective base
 * URI (the request's or the configured one, without trailing slash), the time the request
 * arrived, the configuration, and the listeners told of the changes it commits.
 */
record Exchange(ScimRequest request, List<String> segments, URI baseUri, Instant now, ServiceConfig config,
        Events events) {
    Exchange {
        Objects.requireNonNull(request, "request");
        segments = List.copyOf(segments);
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(events, "events");
    }

    /** The HTTP method, upper case. */
    String method() {
        return request.method();
    }

    /** The principal, or {@code null} for an anonymous caller. */
    @Nullable ScimPrincipal principal() {
        return request.principal();
    }

    /** The absolute URI of a path below the base, e.g. {@code location("/Users/1")}. */
    String location(String path) {
        return baseUri + path;
    }

    /** Hands the events of a change this request committed to the listeners; never throws. */
    void publish(List<? extends ProvisioningEvent> committed) {
        if (!committed.isEmpty()) {
            events.publish(request, committed);
        }
    }
}
