package io.scimkit.core.filter;

/**
 * How tolerant {@link FilterParser} is, and the limits it enforces (RFC 7644 §3.4.2.2; digest §6.2,
 * K-09, K-10, K-17, K-18, K-66). Immutable; pick a preset and adjust with the {@code with...}
 * methods.
 *
 * <p>Both presets accept what the digest recommends for every server: one or more spaces or tabs
 * between tokens (K-09), {@code not(} and {@code not (} (K-10), and any case for {@code true},
 * {@code false} and {@code null} (K-17).
 *
 * @param valuePathSubAttribute accept Entra's {@code emails[type eq "work"].value eq "x"} (Q20, K-66)
 *     and read it as {@code emails[type eq "work" and value eq "x"]}
 * @param singleQuotedStrings accept {@code 'text'} string literals, as some RFC examples show (K-18)
 * @param maxLength the longest filter text accepted, in characters
 * @param maxDepth the deepest nesting of parentheses, {@code not} and brackets accepted
 */
public record FilterSettings(boolean valuePathSubAttribute, boolean singleQuotedStrings, int maxLength,
        int maxDepth) {

    /** The default maximum filter length: generous for real traffic, small enough to bound work. */
    public static final int DEFAULT_MAX_LENGTH = 4096;
    /** The default maximum nesting depth. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    public FilterSettings {
        if (maxLength < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("filter limits must be positive");
        }
    }

    /** RFC 7644 grammar only: rejects Entra's value-path-with-sub-attribute form and single quotes. */
    public static FilterSettings strict() {
        return new FilterSettings(false, false, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);
    }

    /** The default: also accepts the shapes real clients send (Q20/K-66, K-18). */
    public static FilterSettings lenient() {
        return new FilterSettings(true, true, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);
    }

    /** A copy with another maximum length. */
    public FilterSettings withMaxLength(int value) {
        return new FilterSettings(valuePathSubAttribute, singleQuotedStrings, value, maxDepth);
    }

    /** A copy with another maximum depth. */
    public FilterSettings withMaxDepth(int value) {
        return new FilterSettings(valuePathSubAttribute, singleQuotedStrings, maxLength, value);
    }
}
