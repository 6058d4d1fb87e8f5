package io.scimkit.core.store;

import io.scimkit.core.error.ScimException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Version tags: a resource's {@code meta.version}, which the core serves as its {@code ETag} and
 * compares with {@code If-Match} (RFC 7644 §3.14). Every write to a resource must give it a version
 * it never had before; a counter or a row revision number written as a weak tag ({@link #weak})
 * does that. Tags compare by the weak comparison of RFC 7232 §2.3.2.
 */
public final class Versions {
    private Versions() {
    }

    /** A weak tag for a revision number: {@code W/"7"} (RFC 7232 §2.3). */
    public static String weak(long revision) {
        return "W/\"" + revision + "\"";
    }

    /**
     * Whether an expected version names the current one, by the weak comparison of RFC 7232
     * §2.3.2: the {@code W/} prefix is ignored on both sides and the rest compares exactly;
     * {@code *} matches any version.
     */
    public static boolean matches(String current, String expected) {
        String wanted = expected.trim();
        return wanted.equals("*") || opaque(current).equals(opaque(wanted));
    }

    /**
     * Checks the compare-and-swap of a write: does nothing when {@code expected} is {@code null} or
     * matches {@code current}.
     *
     * @param what the resource, for the error detail, e.g. {@code "User 2819c223"}
     * @throws ScimException 412 when the resource has changed since the client read it
     */
    public static void requireMatch(String current, @Nullable String expected, String what) {
        if (expected != null && !matches(Objects.requireNonNull(current, "current"), expected)) {
            throw ScimException.preconditionFailed(what + " has changed: its version is now " + current);
        }
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
