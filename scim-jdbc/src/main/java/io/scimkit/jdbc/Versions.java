package io.scimkit.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Version tags ({@code meta.version}, served as the ETag, RFC 7644 §3.14): the row's version
 * counter as a weak tag {@code W/"n"} (P-VER-04). Expected versions compare weakly (RFC 7232
 * §2.3.2: the {@code W/} prefix is ignored, P-VER-08).
 */
final class Versions {
    private Versions() {
    }

    static String tag(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * The counter an expected version names, {@code null} for no check ({@code null} or {@code *}),
     * and {@code -1} (which no row has) for a tag this store never issued.
     */
    static @Nullable Long expected(@Nullable String expectedVersion) {
        if (expectedVersion == null) {
            return null;
        }
        String tag = expectedVersion.trim();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return -1L;
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException notOurs) {
            return -1L;
        }
    }
}
