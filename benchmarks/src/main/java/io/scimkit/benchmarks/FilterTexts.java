package io.scimkit.benchmarks;

/**
 * The filter texts every library parses (RFC 7644 §3.4.2.2), chosen by the JMH {@code filter}
 * parameter: {@code simple} is what Entra sends to match a user before creating it; {@code complex}
 * exercises a value path, and/or/not, grouping, and the co/sw/pr/eq operators.
 */
final class FilterTexts {
    /** Entra's match-by-userName query (Entra sample 03). */
    static final String SIMPLE = "userName eq \"alice@contoso.com\"";

    /** A value path with a nested {@code not}, a grouped {@code or} and a negated comparison. */
    static final String COMPLEX = "emails[type eq \"work\" and (value co \"contoso\" or not (primary eq false))]"
            + " and (userName sw \"a\" or displayName pr) and not (active eq false)";

    private FilterTexts() {
    }

    /** The text for a JMH parameter value. */
    static String forName(String name) {
        return switch (name) {
            case "simple" -> SIMPLE;
            case "complex" -> COMPLEX;
            default -> throw new IllegalArgumentException("unknown filter: " + name);
        };
    }
}
