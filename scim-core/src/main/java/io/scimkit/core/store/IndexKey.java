package io.scimkit.core.store;

import java.text.Normalizer;

/**
 * The key under which a store indexes a string value and checks it for uniqueness, so that two
 * values the SCIM filter {@code eq} calls equal always share a key: use {@link #fold} for
 * {@code userName}, a group's {@code displayName} and any other attribute that is not
 * {@code caseExact}, or {@link #of} with the attribute's {@code caseExact}. A database store can
 * keep the key in a column with a unique index; every scimkit store folds exactly this way.
 *
 * <p>For a {@code caseExact} attribute ({@code externalId}) the key is the value itself. Otherwise
 * (RFC 7643 §2.3.1 caseExact=false: {@code userName}, group {@code displayName},
 * {@code emails.value}) the key approximates the PRECIS UsernameCaseMapped profile
 * (RFC 8265 §3.3): a locale-independent case fold, NFKC normalisation, and the fold
 * again. The fold maps each code point {@code c} to {@code toLowerCase(toUpperCase(c))}, the
 * mapping {@link String#equalsIgnoreCase} uses, rather than {@code String.toLowerCase(Locale.ROOT)}:
 * that one maps {@code İ} to two characters and lower-cases a final {@code Σ} to {@code ς}, so two
 * names the filter evaluator calls equal ({@code "İ"} and {@code "i"}) would get different keys.
 * With this fold, any two values equal under the evaluator's case-insensitive {@code eq} share a
 * key: an index lookup never misses a match, and two users whose names a {@code userName eq}
 * filter cannot tell apart can never both exist. NFKC additionally makes compatibility variants
 * such as {@code "ﬁ"} and {@code "fi"} collide for uniqueness.
 */
public final class IndexKey {
    private IndexKey() {
    }

    /** The key of a value of an attribute with the given {@code caseExact}. */
    public static String of(boolean caseExact, String value) {
        return caseExact ? value : fold(value);
    }

    /** The case-insensitive key: fold, NFKC, fold. */
    public static String fold(String value) {
        String folded = foldCase(value);
        String normalized = Normalizer.normalize(folded, Normalizer.Form.NFKC);
        return normalized.equals(folded) ? folded : foldCase(normalized);
    }

    /**
     * The per-code-point case fold alone ({@code toLowerCase(toUpperCase(c))}, no normalisation):
     * two strings have the same fold exactly when {@link String#equalsIgnoreCase} calls them
     * equal, and the fold keeps the length, so case-insensitive {@code sw}/{@code ew}/{@code co}
     * can be decided on folded text (used by the JDBC store's filter columns).
     */
    public static String caseFold(String value) {
        return foldCase(value);
    }

    private static String foldCase(String value) {
        StringBuilder out = null;
        int i = 0;
        while (i < value.length()) {
            int codePoint = value.codePointAt(i);
            int folded = Character.toLowerCase(Character.toUpperCase(codePoint));
            if (folded != codePoint && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(folded);
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? value : out.toString();
    }
}
