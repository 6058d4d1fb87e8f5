package io.scimkit.core.filter;

/**
 * How tolerant {@link FilterParser} is, and the limits it enforces (RFC 7644 §3.4.2.2). Immutable;
 * pick a preset and adjust with the {@code with...} methods.
 *
 * <p>Both presets accept three things the RFC grammar is stricter about than its own examples and
 * real clients: one or more spaces or tabs between tokens (the ABNF has exactly one space),
 * {@code not(} and {@code not (} (the ABNF has the first, every example the second), and any case
 * for {@code true}, {@code false} and {@code null} (operators and names ignore case, so clients
 * expect these to as well). Nothing valid is read differently because of them.
 *
 * @param valuePathSubAttribute accept Entra's {@code emails[type eq "work"].value eq "x"} (quirk Q20,
 *     see {@code docs/entra-quirks.md}) and read it as {@code emails[type eq "work" and value eq "x"]}
 * @param singleQuotedStrings accept {@code 'text'} string literals, as RFC 7644's own examples show
 *     ({@code displayName sw 'Group'}, §3.7.1) although its grammar only has JSON strings
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

    /** The default: also accepts the shapes real clients send (quirk Q20, single quotes). */
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
