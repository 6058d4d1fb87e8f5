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
 * {@code If-None-Match} on GET (a match is 304). ETags are {@code meta.version}. {@code *} matches
 * any existing resource.
 *
 * <p><b>Comparison.</b> Both headers compare weakly (RFC 7232 §2.3.2: the opaque parts are equal,
 * whether either tag is weak or not). For {@code If-None-Match} that is what RFC 7232 §3.2 asks.
 * For {@code If-Match} RFC 7232 §3.1 asks for the strong comparison, under which a weak tag never
 * matches; but SCIM versions are weak ETags ({@code W/"..."}, RFC 7644 §3.14), and §3.14 has the
 * client send the version it read back in {@code If-Match}. A strong comparison would fail every
 * such request, so the version compares weakly: it changes with every write of the resource, which is
 * all optimistic concurrency needs.
 *
 * <p><b>Syntax.</b> A header field is {@code *} or a comma-separated list of entity tags
 * (RFC 7232 §3.1, §2.3). Accepted tags: {@code W/"abc"}, {@code "abc"}, and, since clients copy
 * {@code meta.version} with and without its quotes, the unquoted {@code abc} and the JSON-escaped
 * {@code "W/\"abc\""} or {@code W/\"abc\"}. Anything else (an unterminated quote such as
 * {@code W/"abc}, characters outside {@code etagc} such as spaces or control characters, an empty
 * field, {@code *} inside a list) is malformed: 400 without {@code scimType}. RFC 7644 §3.12 defines
 * its {@code scimType} values for the request body, query and attribute values ({@code invalidValue}
 * names an attribute value not fitting its definition, {@code invalidSyntax} the body), none for a
 * header, and a client reacting to either would look in the wrong place; the {@code detail} names
 * the header. A 412 would be wrong: it says the resource changed, so the client would read it again and
 * retry with the same header forever.
 */
final class Preconditions {
    private static final String IF_MATCH = "If-Match";
    private static final String IF_NONE_MATCH = "If-None-Match";
    private Preconditions() {
    }

    /** Whether the request carries {@code If-Match}: then a concurrent change is the client's 412, not a retry. */
    static boolean hasIfMatch(ScimRequest request) {
        return !request.headers().all(IF_MATCH).isEmpty();
    }

    /**
     * Checks {@code If-Match} against the current version of the resource.
     *
     * @throws ScimException 400 if the header is malformed, 412 if it names no current version
     */
    static void requireIfMatch(ScimRequest request, ScimResource current) {
        List<String> fields = request.headers().all(IF_MATCH);
        if (fields.isEmpty()) {
            return;
        }
        if (!matches(IF_MATCH, fields, version(current))) {
            throw ScimException.preconditionFailed("the resource was modified: If-Match does not match its current"
                    + " version (meta.version); read it again and retry");
        }
    }

    /** Whether {@code If-None-Match} names the current version, so a GET answers 304. */
    static boolean noneMatchHits(ScimRequest request, ScimResource current) {
        List<String> fields = request.headers().all(IF_NONE_MATCH);
        return !fields.isEmpty() && matches(IF_NONE_MATCH, fields, version(current));
    }

    /** The version of a stored resource, or {@code null} if its store keeps none. */
    static @Nullable String version(ScimResource resource) {
        return resource.meta().flatMap(Meta::versionTag).orElse(null);
    }

    /**
     * Whether the header names the current version, weakly compared.
     *
     * @throws ScimException 400 if a field of the header is malformed
     */
    private static boolean matches(String header, List<String> fields, @Nullable String version) {
        String current = version == null ? null : opaque(version);
        boolean matched = false;
        for (String field : fields) {
            List<String> tags = tags(field);
            if (tags.isEmpty() || tags.size() > 1 && tags.contains("*")) {
                throw malformed(header, field);
            }
            for (String tag : tags) {
                if (tag.equals("*")) {
                    matched = true;
                    continue;
                }
                String opaque = parse(tag);
                if (opaque == null) {
                    throw malformed(header, field);
                }
                matched |= opaque.equals(current);
            }
        }
        return matched;
    }

    private static ScimException malformed(String header, String field) {
        String shown = field.length() > 64 ? field.substring(0, 64) + "..." : field;
        return new ScimException(400, null, "the " + header + " header is not a list of entity tags such as"
                + " W/\"abc\" (RFC 7232 §3.1): '" + printable(shown) + "'");
    }

    /** The text with control characters shown as {@code ?}, so a detail never carries them. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shown.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return shown.toString();
    }

    /**
     * The opaque part of one entity tag sent by a client, or {@code null} if the tag is malformed:
     * {@code W/"abc"}, {@code "abc"}, {@code abc}, {@code "W/\"abc\""} and {@code W/\"abc\"} all
     * give {@code abc}; the weakness prefix is {@code W/} in either case.
     */
    static @Nullable String parse(String tag) {
        String text = withoutWeakness(tag.strip());
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            String inside = text.substring(1, text.length() - 1);
            String copied = withoutWeakness(inside);
            return copied.startsWith("\\\"") ? escaped(copied) : isOpaque(inside) ? inside : null;
        }
        if (text.startsWith("\\\"")) {
            return escaped(text);
        }
        return !text.isEmpty() && isOpaque(text) ? text : null;
    }

    /** The opaque part of {@code \"abc\"}, the quotes escaped as in JSON, or {@code null}. */
    private static @Nullable String escaped(String text) {
        if (text.length() < 4 || !text.endsWith("\\\"")) {
            return null;
        }
        String inside = text.substring(2, text.length() - 2);
        return isOpaque(inside) ? inside : null;
    }

    private static String withoutWeakness(String text) {
        return text.length() >= 2 && (text.charAt(0) == 'W' || text.charAt(0) == 'w') && text.charAt(1) == '/'
                ? text.substring(2) : text;
    }

    /** Whether every character is an {@code etagc} of RFC 7232 §2.3 other than the backslash. */
    private static boolean isOpaque(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == 0x21 || c >= 0x23 && c <= 0x7E && c != '\\' || c >= 0x80)) {
                return false;
            }
        }
        return true;
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

    /**
     * The opaque part of a stored version, leniently: without {@code W/} (any case), quotes and
     * backslashes; never fails, since a store may keep versions in any form.
     */
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
