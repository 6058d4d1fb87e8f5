package io.scimkit.core.protocol;

import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.dialect.ClientDialect;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request on its way through the dispatcher: the request, its path split into segments below
 * the base URI (empty segments dropped, so {@code /Users/} is {@code /Users}), the effective base
 * URI (the request's or the configured one, without trailing slash), the time the request
 * arrived, the configuration, the listeners told of the changes it commits, and the client dialect
 * that normalises this request (the configured one, or a view of it that reports the rules that
 * fired, {@link ClientDialect#reportingTo}).
 */
record Exchange(ScimRequest request, List<String> segments, URI baseUri, Instant now, ServiceConfig config,
        Events events, ClientDialect dialect) {
    Exchange {
        Objects.requireNonNull(request, "request");
        segments = List.copyOf(segments);
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(dialect, "dialect");
    }

    /** An exchange normalised by the configured dialect. */
    Exchange(ScimRequest request, List<String> segments, URI baseUri, Instant now, ServiceConfig config,
            Events events) {
        this(request, segments, baseUri, now, config, events, config.dialect());
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
