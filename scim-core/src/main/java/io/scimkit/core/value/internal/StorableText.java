package io.scimkit.core.value.internal;

import java.util.Locale;

/**
 * Which strings the service accepts anywhere in a request: well-formed Unicode without U+0000.
 *
 * <p>A SCIM string is a sequence of Unicode characters (RFC 7643 §2.3.1), and JSON text is Unicode
 * (RFC 8259 §8.1), yet JSON's {@code \u0000} escape and an unpaired {@code \ud800} escape decode to
 * code units that are no character a store can be relied on to hold: PostgreSQL refuses U+0000 in
 * text and jsonb, and an unpaired surrogate cannot be encoded in UTF-8 at all (RFC 3629 §3). The
 * core refuses both wherever a client string enters (body values and member names, filter literals,
 * resource ids), so every store holds and matches the same strings.
 */
public final class StorableText {
    private StorableText() {
    }

    /** The index of the first U+0000 or unpaired surrogate in {@code text}, or -1 if it has none. */
    public static int firstUnstorable(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether {@code text} is well-formed Unicode without U+0000. */
    public static boolean isStorable(CharSequence text) {
        return firstUnstorable(text) < 0;
    }

    /**
     * What is wrong with the character at {@code index}, for an error detail: "U+0000" or
     * "an unpaired surrogate U+D800" (never the client's text itself).
     */
    public static String describe(CharSequence text, int index) {
        char c = text.charAt(index);
        String code = "U+" + "0000".substring(Integer.toHexString(c).length())
                + Integer.toHexString(c).toUpperCase(Locale.ROOT);
        return c == 0 ? "the character " + code : "an unpaired surrogate " + code;
    }
}
