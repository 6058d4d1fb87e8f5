package io.scimkit.core.protocol;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code bulkId} references in a bulk operation (RFC 7644 §3.7.2): a
 * string {@code "bulkId:<x>"} stands for the id of the resource the POST operation with
 * {@code bulkId} {@code <x>} created. A reference is found where a client can write one: as a
 * whole string value anywhere in {@code data} ({@code members[].value}, the enterprise
 * {@code manager.value}, a PATCH {@code value}), as a path segment ({@code /Groups/bulkId:x}), and
 * quoted inside a PATCH path's value filter ({@code members[value eq "bulkId:x"]}).
 */
final class BulkReferences {
    /** The prefix that marks a reference. */
    static final String PREFIX = "bulkId:";

    private BulkReferences() {
    }

    /** The bulkIds referenced in a path or string, in order of appearance. */
    static Set<String> in(@Nullable String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            rewrite(text, id -> {
                found.add(id);
                return null;
            });
        }
        return found;
    }

    /** The bulkIds referenced anywhere in a value, in order of appearance. */
    static Set<String> in(@Nullable ScimValue value) {
        Set<String> found = new LinkedHashSet<>();
        if (value != null) {
            collect(value, found);
        }
        return found;
    }

    /** The text with every reference whose bulkId has a resolved id replaced by that id. */
    static String resolve(String text, Map<String, String> ids) {
        return rewrite(text, ids::get);
    }

    /** The value with every resolvable reference replaced by its id. */
    static ScimValue resolve(ScimValue value, Map<String, String> ids) {
        if (value instanceof StringValue string) {
            String resolved = resolve(string.value(), ids);
            return resolved.equals(string.value()) ? value : StringValue.of(resolved);
        }
        if (value instanceof ComplexValue complex) {
            ComplexValue.Builder members = ComplexValue.builder();
            complex.attributes().forEach((name, member) -> members.put(name, resolve(member, ids)));
            return members.build();
        }
        if (value instanceof MultiValue multi) {
            List<ScimValue> elements = new ArrayList<>(multi.size());
            multi.values().forEach(element -> elements.add(resolve(element, ids)));
            return MultiValue.of(elements);
        }
        return value;
    }

    private static void collect(ScimValue value, Set<String> found) {
        if (value instanceof StringValue string) {
            found.addAll(in(string.value()));
        } else if (value instanceof ComplexValue complex) {
            complex.attributes().values().forEach(member -> collect(member, found));
        } else if (value instanceof MultiValue multi) {
            multi.values().forEach(element -> collect(element, found));
        }
    }

    /**
     * Rewrites every reference: the function maps a bulkId to its replacement, or to {@code null} to
     * keep the reference. A string that starts with the prefix is one reference to the end (the
     * RFC form, whatever characters the client's bulkId has); elsewhere a reference starts after
     * {@code /} or {@code "} and ends before the next delimiter.
     */
    private static String rewrite(String text, Function<String, @Nullable String> replacement) {
        if (text.startsWith(PREFIX)) {
            String replaced = replacement.apply(text.substring(PREFIX.length()));
            return replaced == null ? text : replaced;
        }
        int start = text.indexOf(PREFIX);
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (start >= 0) {
            int end = start + PREFIX.length();
            while (end < text.length() && !isDelimiter(text.charAt(end))) {
                end++;
            }
            if (start > 0 && (text.charAt(start - 1) == '/' || text.charAt(start - 1) == '"') && end > start + PREFIX.length()) {
                String replaced = replacement.apply(text.substring(start + PREFIX.length(), end));
                if (replaced != null) {
                    out.append(text, copied, start).append(replaced);
                    copied = end;
                }
            }
            start = text.indexOf(PREFIX, end);
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean isDelimiter(char c) {
        return c == '"' || c == '/' || c == '?' || c == '#' || c == ']' || c == ')' || c == ','
                || Character.isWhitespace(c);
    }
}
