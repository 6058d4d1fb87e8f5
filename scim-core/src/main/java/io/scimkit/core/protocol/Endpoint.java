package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;

/**
 * A group of SCIM endpoints the {@link Dispatcher} routes to: resource endpoints, discovery,
 * {@code /Bulk}, {@code /Me}. Implementations are immutable and thread-safe.
 */
interface Endpoint {

    /** Whether this endpoint serves the path, given as segments below the base URI. */
    boolean serves(Exchange exchange);

    /** Whether anonymous callers may use it (only discovery, and only when configured). */
    default boolean anonymous() {
        return false;
    }

    /**
     * Refuses a body over the size limit with 413 ({@code payloadTooLarge}); by default the
     * service's {@code maxPayloadSize}. Checked by the dispatcher before {@link #handle}.
     */
    default void checkPayloadSize(ScimRequest request, ServiceLimits limits) {
        if (request.body().length > limits.maxPayloadSize()) {
            throw ScimException.payloadTooLarge("the request body exceeds maxPayloadSize ("
                    + limits.maxPayloadSize() + " bytes)");
        }
    }

    /**
     * Serves the request.
     *
     * @throws io.scimkit.core.error.ScimException for every client error; the dispatcher renders it
     */
    ScimResponse handle(Exchange exchange);
}
