package io.scimkit.core.protocol;

/**
 * A group of SCIM endpoints the {@link Dispatcher} routes to: resource endpoints, discovery,
 * {@code /Bulk}, {@code /Me}. Implementations are immutable and thread-safe.
 */
interface Endpoint {

    /** Whether this endpoint serves the path, given as segments below the base URI. */
    boolean serves(Exchange exchange);

    /** Whether anonymous callers may use it (only discovery, and only when configured; K-23). */
    default boolean anonymous() {
        return false;
    }

    /**
     * Serves the request.
     *
     * @throws io.scimkit.core.error.ScimException for every client error; the dispatcher renders it
     */
    ScimResponse handle(Exchange exchange);
}
