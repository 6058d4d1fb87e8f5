package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The conditional-request headers of RFC 7644 §3.14 on single resources: {@code If-Match} on PUT,
 * PATCH and DELETE (a mismatch is 412 Precondition Failed; Table 8 also names 409 for a version
 * mismatch, but 412 is the status RFC 9110 §13.1.1 gives a failed precondition) and
 * {@code If-None-Match} on GET (a match is 304). ETags are {@code meta.version}; they are compared
 * weakly after normalising: a leading {@code W/}, surrounding quotes and backslashes are ignored,
 * because {@code meta.version} holds {@code W/"abc"}, escaped in JSON, and clients copy it with and
 * without the quotes. {@code *} matches any existing resource.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** Whether the request carries {@code If-Match}: then a concurrent change is the client's 412, not a retry. */
    static boolean hasIfMatch(ScimRequest request) {
        return !request.headers().all("If-Match").isEmpty();
    }

    /**
     * Checks {@code If-Match} against the current version of the resource.
     *
     * @throws ScimException 412 if the header is present and names no current version
     */
    static void requireIfMatch(ScimRequest request, ScimResource current) {
        List<String> fields = request.headers().all("If-Match");
        if (fields.isEmpty()) {
            return;
        }
        if (!matches(fields, version(current))) {
            throw ScimException.preconditionFailed("the resource was modified: If-Match does not match its current"
                    + " version (meta.version); read it again and retry");
        }
    }

    /** Whether {@code If-None-Match} names the current version, so a GET answers 304. */
    static boolean noneMatchHits(ScimRequest request, ScimResource current) {
        List<String> fields = request.headers().all("If-None-Match");
        return !fields.isEmpty() && matches(fields, version(current));
    }

    /** The version of a stored resource, or {@code null} if its store keeps none. */
    static @Nullable String version(ScimResource resource) {
        return resource.meta().flatMap(Meta::versionTag).orElse(null);
    }

    private static boolean matches(List<String> fields, @Nullable String version) {
        String current = version == null ? null : opaque(version);
        for (String field : fields) {
            for (String tag : tags(field)) {
                if (tag.equals("*") || current != null && opaque(tag).equals(current)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The entity tags of one header field: a comma-separated list whose quoted parts may hold commas. */
    static List<String> tags(String field) {
        List<String> tags = new ArrayList<>();
        StringBuilder tag = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && i + 1 < field.length()) {
                tag.append(c);
                c = field.charAt(++i);
            } else if (c == ',' && !quoted) {
                add(tags, tag);
                continue;
            }
            tag.append(c);
        }
        add(tags, tag);
        return tags;
    }

    private static void add(List<String> tags, StringBuilder tag) {
        String text = tag.toString().strip();
        if (!text.isEmpty()) {
            tags.add(text);
        }
        tag.setLength(0);
    }

    /** The opaque part of an entity tag: without {@code W/} (any case), quotes and backslashes. */
    static String opaque(String tag) {
        String text = unwrap(tag.strip());
        if (text.length() >= 2 && (text.charAt(0) == 'W' || text.charAt(0) == 'w') && text.charAt(1) == '/') {
            text = unwrap(text.substring(2));
        }
        return text;
    }

    private static String unwrap(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWrapper(text.charAt(start))) {
            start++;
        }
        while (end > start && isWrapper(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWrapper(char c) {
        return c == '"' || c == '\\';
    }
}
