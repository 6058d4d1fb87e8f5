package io.scimkit.core.codec;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A path naming the value one table column holds: a plain attribute path ({@code name.givenName},
 * RFC 7644 §3.10) or a sub-attribute of the one value of a multi-valued attribute picked by an
 * equality filter ({@code emails[type eq "work"].value}, the value-path form of RFC 7644 §3.5.2,
 * whose literal holds no {@code "} or {@code \}). Read by {@link JsonColumn} and by stores that map
 * attributes to columns, so that both accept the same paths.
 *
 * @param valuePath the attribute path of the value itself, without the filter ({@code emails.value})
 * @param attribute for a filtered path, the multi-valued attribute ({@code emails}); else {@code null}
 * @param by for a filtered path, the sub-attribute the filter compares ({@code type}); else {@code null}
 * @param literal for a filtered path, the literal it compares with ({@code work}); else {@code null}
 */
public record ColumnPath(String valuePath, @Nullable String attribute, @Nullable String by, @Nullable String literal) {
    private static final Pattern FILTERED = Pattern.compile(
            "(?<attribute>[^\\[\\]]+)\\[\\s*(?<by>[A-Za-z][\\w$-]*)\\s+eq\\s+\"(?<literal>[^\"\\\\]*)\"\\s*]\\.(?<sub>[A-Za-z][\\w$-]*)",
            Pattern.CASE_INSENSITIVE);

    public ColumnPath {
        Objects.requireNonNull(valuePath, "valuePath");
    }

    /** Reads a column path; anything not in the filtered form is returned as a plain path, unchecked. */
    public static ColumnPath parse(String text) {
        Matcher filtered = FILTERED.matcher(text.strip());
        if (!filtered.matches()) {
            return new ColumnPath(text, null, null, null);
        }
        String attribute = filtered.group("attribute").strip();
        return new ColumnPath(attribute + "." + filtered.group("sub"), attribute, filtered.group("by"),
                filtered.group("literal"));
    }

    /** Whether a filter picks the value among those of a multi-valued attribute. */
    public boolean filtered() {
        return attribute != null;
    }

    /** For a filtered path, the attribute path of the compared sub-attribute ({@code emails.type}); else {@code null}. */
    public @Nullable String filterPath() {
        return attribute == null ? null : attribute + "." + by;
    }
}
