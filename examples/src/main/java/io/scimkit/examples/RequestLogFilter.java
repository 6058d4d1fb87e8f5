package io.scimkit.examples;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Objects;

/**
 * A {@link RequestLog} as a JAX-RS filter, for the requests the JAX-RS runtime serves. Runs before every
 * other filter (pre-matching, lowest priority value), so refused and unmatched requests are logged too;
 * passes the log's request id on in the request's and the response's {@code X-Request-Id}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 1000)
public final class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ENTRY = RequestLogFilter.class.getName() + ".entry";

    private final RequestLog log;

    public RequestLogFilter(RequestLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestLog.Entry entry = log.begin(request.getMethod(), rawPath(request),
                request.getHeaderString(AuditLog.REQUEST_ID));
        if (entry == null) {
            return;
        }
        if (entry.requestId() != null) {
            request.getHeaders().putSingle(AuditLog.REQUEST_ID, entry.requestId());
        }
        request.setProperty(ENTRY, entry);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(ENTRY) instanceof RequestLog.Entry entry)) {
            return;
        }
        if (entry.requestId() != null) {
            response.getHeaders().putSingle(AuditLog.REQUEST_ID, entry.requestId());
        }
        Object location = response.getHeaders().getFirst("Location");
        entry.end(response.getStatus(), location == null ? null : location.toString());
    }

    private static String rawPath(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        return raw == null ? "" : raw;
    }
}
