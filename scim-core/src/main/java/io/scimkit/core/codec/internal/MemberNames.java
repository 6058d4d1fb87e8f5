package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.scimkit.core.path.AttributePath;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The member names seen so far in one JSON object, compared without regard to case (RFC 7643
 * §2.1). RFC 8259 §4 leaves duplicate names undefined and parsers differ on which one wins; SCIM
 * names are case-insensitive, so {@code "userName"} and {@code "USERNAME"} in one object are the
 * same duplicate. The codec rejects both with {@code invalidSyntax} rather than silently picking
 * one. Not thread-safe; one instance per object being read.
 */
public final class MemberNames {
    /** Up to this many names are kept as sent and compared one by one; SCIM objects are small. */
    private static final int LISTED = 12;

    private final String[] listed = new String[LISTED];
    private int count;
    private @Nullable Set<String> folded;

    /**
     * Records the member name the parser is at.
     *
     * @throws io.scimkit.core.error.ScimException {@code invalidSyntax} if the name was seen before
     */
    public void add(JsonParser parser, String name) {
        if (!isNew(name)) {
            String shown = AttributePath.isAttributeName(name) || name.regionMatches(true, 0, "urn:", 0, 4)
                    && name.length() <= 200 ? " \"" + name + "\"" : "";
            throw ParseErrors.at(parser, "The member name" + shown
                    + " occurs more than once in one object (names are case-insensitive)");
        }
    }

    private boolean isNew(String name) {
        if (folded != null) {
            return folded.add(fold(name));
        }
        for (int i = 0; i < count; i++) {
            if (sameFolded(listed[i], name)) {
                return false;
            }
        }
        if (count < LISTED) {
            listed[count++] = name;
            return true;
        }
        folded = new HashSet<>();
        for (String earlier : listed) {
            folded.add(fold(earlier));
        }
        return folded.add(fold(name));
    }

    /** Whether the two names have the same {@link #fold}, without building it. */
    private static boolean sameFolded(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && Character.toLowerCase(Character.toUpperCase(x)) != Character.toLowerCase(Character.toUpperCase(y))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds case the way {@link String#equalsIgnoreCase} compares, char by char, so that two
     * names are duplicates here exactly when {@code ComplexValue} would treat them as one.
     */
    public static String fold(String name) {
        char[] chars = new char[name.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(name.charAt(i)));
        }
        return new String(chars);
    }
}
