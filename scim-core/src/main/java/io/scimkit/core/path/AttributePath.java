package io.scimkit.core.path;

import io.scimkit.core.error.ScimException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A path in SCIM attribute notation (RFC 7644 §3.10): {@code [schemaUrn ":"] attribute ["." subAttribute]},
 * for example {@code name.givenName} or
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>Every part is case-insensitive (RFC 7644 §3.4.2.2, §3.10): {@code equals} and {@code hashCode}
 * ignore case, while the parts keep the spelling they were given. Instances are immutable.
 *
 * @param schemaUrn the schema URN the attribute belongs to, or {@code null} when not qualified
 * @param attribute the attribute name
 * @param subAttribute the sub-attribute name, or {@code null}
 */
public record AttributePath(@Nullable String schemaUrn, String attribute, @Nullable String subAttribute) {

    public AttributePath {
        Objects.requireNonNull(attribute, "attribute");
        if (!isAttributeName(attribute)) {
            throw ScimException.invalidPath("'" + attribute + "' is not a valid attribute name");
        }
        if (subAttribute != null && !isAttributeName(subAttribute)) {
            throw ScimException.invalidPath("'" + subAttribute + "' is not a valid sub-attribute name");
        }
        if (schemaUrn != null && schemaUrn.isEmpty()) {
            throw ScimException.invalidPath("the schema URN of a path may not be empty");
        }
    }

    /** The path of an unqualified attribute, e.g. {@code userName}. */
    public static AttributePath of(String attribute) {
        return new AttributePath(null, attribute, null);
    }

    /** The path of an unqualified sub-attribute, e.g. {@code name.givenName}. */
    public static AttributePath of(String attribute, @Nullable String subAttribute) {
        return new AttributePath(null, attribute, subAttribute);
    }

    /**
     * Parses attribute notation. A schema URN is everything up to the last {@code ':'}. URNs hold
     * {@code ':'} and {@code '.'} themselves, so a caller that knows the registered schemas resolves
     * the text with the schema registry instead, which matches the longest registered URN.
     *
     * @throws ScimException {@code invalidPath} if the text is not attribute notation
     */
    public static AttributePath parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.lastIndexOf(':');
        String urn = colon < 0 ? null : text.substring(0, colon);
        String rest = text.substring(colon + 1);
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return new AttributePath(urn, rest, null);
        }
        if (rest.indexOf('.', dot + 1) >= 0) {
            throw ScimException.invalidPath("'" + text + "' has more than one sub-attribute level");
        }
        return new AttributePath(urn, rest.substring(0, dot), rest.substring(dot + 1));
    }

    /**
     * Whether the text is an attribute name: a letter followed by letters, digits, {@code -},
     * {@code _} or {@code $} (RFC 7643 §2.1), or the reserved {@code $ref} in any case.
     */
    public static boolean isAttributeName(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        // Names are case-insensitive (RFC 7643 §2.1), so "$REF" is the reserved "$ref" too.
        if (!isAsciiLetter(first) && !(first == '$' && text.equalsIgnoreCase("$ref"))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' && c != '$') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The schema URN, if the path is qualified. */
    public Optional<String> urn() {
        return Optional.ofNullable(schemaUrn);
    }

    /** The sub-attribute name, if any. */
    public Optional<String> sub() {
        return Optional.ofNullable(subAttribute);
    }

    /** Whether this path names a sub-attribute. */
    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** This path without its sub-attribute: {@code name.givenName} gives {@code name}. */
    public AttributePath parent() {
        return subAttribute == null ? this : new AttributePath(schemaUrn, attribute, null);
    }

    /** This path with the given sub-attribute. */
    public AttributePath withSubAttribute(@Nullable String sub) {
        return new AttributePath(schemaUrn, attribute, sub);
    }

    /** This path with the given schema URN. */
    public AttributePath withSchemaUrn(@Nullable String urn) {
        return new AttributePath(urn, attribute, subAttribute);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof AttributePath that
                && sameIgnoringCase(schemaUrn, that.schemaUrn)
                && sameIgnoringCase(attribute, that.attribute)
                && sameIgnoringCase(subAttribute, that.subAttribute);
    }

    @Override
    public int hashCode() {
        return (foldedHash(schemaUrn) * 31 + foldedHash(attribute)) * 31 + foldedHash(subAttribute);
    }

    /** The path in attribute notation, e.g. {@code urn:...:User:manager.value}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (schemaUrn != null) {
            text.append(schemaUrn).append(':');
        }
        text.append(attribute);
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }

    /*
     * Equality and hash fold each char the same way. Hashing String.toLowerCase while comparing with
     * equalsIgnoreCase broke the contract for URNs such as "urn:İ" and "urn:i", which are equal
     * but lower-case to strings of different length.
     */
    private static boolean sameIgnoringCase(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (fold(a.charAt(i)) != fold(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int foldedHash(@Nullable String text) {
        if (text == null) {
            return 0;
        }
        int hash = 1;
        for (int i = 0; i < text.length(); i++) {
            hash = hash * 31 + fold(text.charAt(i));
        }
        return hash;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
