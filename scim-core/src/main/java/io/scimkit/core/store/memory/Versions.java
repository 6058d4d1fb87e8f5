package io.scimkit.core.store.memory;

/**
 * Version tags ({@code meta.version}, served as the ETag, RFC 7644 §3.14). The store issues weak
 * tags such as {@code W/"7"} (RFC 7232 §2.3; P-VER-04) from a per-tenant revision counter, so a
 * tag is never reused for a resource.
 */
final class Versions {
    private Versions() {
    }

    /**
     * Whether an expected version names the current one, by the weak comparison of RFC 7232
     * §2.3.2: the {@code W/} prefix is ignored on both sides, the opaque part compares exactly
     * (P-VER-08). {@code *} matches any version.
     */
    static boolean matches(String current, String expected) {
        String wanted = expected.trim();
        return wanted.equals("*") || opaque(current).equals(opaque(wanted));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
