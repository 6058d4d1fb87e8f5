package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;

/**
 * The answer to a method an existing endpoint does not accept: 405 with an {@code Allow} header and
 * a SCIM error body (RFC 7644 names no status for it; RFC 9110 §15.5.6 requires {@code Allow} on a
 * 405).
 */
final class MethodNotAllowed {
    private MethodNotAllowed() {
    }

    /** 405 for the exchange's method, naming the methods that are allowed. */
    static ScimResponse response(Exchange exchange, String... allowed) {
        String allow = String.join(", ", allowed);
        String method = exchange.method();
        // The method is client input: only a plain token is echoed.
        String shown = method.length() <= 20 && method.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? method : "this method";
        return ScimResponse.error(ScimException.methodNotAllowed(shown + " is not allowed here; allowed: " + allow))
                .withHeader("Allow", allow);
    }
}
