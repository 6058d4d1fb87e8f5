package io.scimkit.core.patch;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.filter.ValuePathFilter;
import io.scimkit.core.path.AttributePath;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The target of a PATCH operation (RFC 7644 §3.5.2): {@code Path := AttrPath | ValuePath ["." AttrName]}.
 * Examples: {@code members}, {@code name.familyName}, {@code members[value eq "2819c223"]},
 * {@code emails[type eq "work"].value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * @param attribute the attribute, with its schema URN if qualified, never with a sub-attribute
 * @param valueFilter the filter in brackets selecting elements of a multi-valued attribute, or {@code null}
 * @param subAttribute the sub-attribute targeted (after {@code .}), or {@code null}
 */
public record PatchPath(AttributePath attribute, @Nullable Filter valueFilter, @Nullable String subAttribute) {

    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (attribute.hasSubAttribute()) {
            throw new IllegalArgumentException("the attribute of a PATCH path carries no sub-attribute");
        }
        if (subAttribute != null && !AttributePath.isAttributeName(subAttribute)) {
            throw ScimException.invalidPath("'" + subAttribute + "' is not a valid sub-attribute name");
        }
    }

    /**
     * Parses a PATCH path.
     *
     * @throws ScimException {@code invalidPath} if the path is malformed, or
     *     {@code invalidFilter} if the filter in brackets is (RFC 7644 §3.5.2, Table 9)
     */
    public static PatchPath parse(String text, FilterSettings settings) {
        Objects.requireNonNull(text, "text");
        String path = text.strip();
        if (path.isEmpty()) {
            throw ScimException.invalidPath("the PATCH path is empty");
        }
        int open = path.indexOf('[');
        if (open < 0) {
            AttributePath attributePath = AttributePath.parse(path);
            return new PatchPath(attributePath.parent(), null, attributePath.subAttribute());
        }
        AttributePath attributePath = open == 0 ? null : AttributePath.parse(path.substring(0, open));
        if (attributePath == null || attributePath.hasSubAttribute()) {
            throw ScimException.invalidPath("'" + text + "' must name an attribute before '['");
        }
        int close = closingBracket(path, open);
        if (close < 0) {
            throw ScimException.invalidPath("'" + text + "' has no closing ']'");
        }
        Filter parsed = FilterParser.parse(path.substring(0, close + 1), settings);
        if (!(parsed instanceof ValuePathFilter valuePath)) {
            throw ScimException.invalidPath("'" + text + "' is not a value path");
        }
        String rest = path.substring(close + 1);
        if (rest.isEmpty()) {
            return new PatchPath(attributePath, valuePath.inner(), null);
        }
        if (rest.charAt(0) != '.' || !AttributePath.isAttributeName(rest.substring(1))) {
            throw ScimException.invalidPath("'" + text + "' may only continue with '.subAttribute' after ']'");
        }
        return new PatchPath(attributePath, valuePath.inner(), rest.substring(1));
    }

    /** The index of the ']' closing the '[' at {@code open}, skipping quoted strings; -1 if none. */
    private static int closingBracket(String path, int open) {
        char quote = 0;
        for (int i = open + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** The attribute path this operation targets, ignoring the filter: {@code emails[...].value} gives {@code emails.value}. */
    public AttributePath target() {
        return attribute.withSubAttribute(subAttribute);
    }

    /** The path in PATCH syntax. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (valueFilter != null) {
            text.append(new ValuePathFilter(attribute, valueFilter));
        } else {
            text.append(attribute);
        }
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }
}
