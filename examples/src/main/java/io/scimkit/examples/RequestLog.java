package io.scimkit.examples;

import org.jspecify.annotations.Nullable;

/**
 * The request log's container-neutral core: one line per request, begun when the request arrives and
 * written when its status is known. {@link RequestLogFilter} drives it for the requests Jersey serves;
 * {@link DirectScimHandler} for the SCIM requests it serves without Jersey. Each request reaches exactly
 * one of the two, so it is logged once. Implementations: {@link AccessLog}, {@link AuditLog}.
 */
public interface RequestLog {

    /**
     * A request arrives.
     *
     * @param rawPath the request path from the server's root, as sent (percent-encoded, no query)
     * @param sentRequestId the client's {@code X-Request-Id} header, or null
     * @return the request's entry, or null if this log has no line for the request
     */
    @Nullable Entry begin(String method, String rawPath, @Nullable String sentRequestId);

    /** One request in progress. */
    interface Entry {
        /**
         * The request id to pass on in the request's and the response's {@code X-Request-Id} header
         * (so that the service and the client see the one the line names), or null for none.
         */
        @Nullable String requestId();

        /**
         * The response's status is known: writes the line.
         *
         * @param location the response's {@code Location} header, or null
         */
        void end(int status, @Nullable String location);
    }
}
