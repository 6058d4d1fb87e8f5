package io.scimkit.core.protocol;

/**
 * The rule for resource ids a store assigns (see {@link io.scimkit.core.store.ResourceStore#create}):
 * one URI path segment that needs no percent-encoding (RFC 3986 §3.3 {@code pchar} without
 * {@code pct-encoded}), and neither a dot segment (RFC 3986 §5.2.4) nor {@code .search}
 * (RFC 7644 §3.4.3), so that {@code /{endpoint}/{id}} (RFC 7644 §3.1) routes back to the resource
 * on every HTTP server.
 */
final class ResourceIds {
    private static final String SUB_DELIMS_AND_MORE = "-._~!$&'()*+,;=:@";

    private ResourceIds() {
    }

    /** Whether the id follows the rule. */
    static boolean isValid(String id) {
        if (id.isEmpty() || id.equals(".") || id.equals("..") || id.equalsIgnoreCase(".search")) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alphanumeric && SUB_DELIMS_AND_MORE.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
