package io.scimkit.jaxrs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request path as sent, still percent-encoded (RFC 3986 §2.1), and what it means to SCIM.
 *
 * <p>A resource id is one path segment ({@code /Users/{id}}, RFC 7644 §3.1), and ids never contain
 * {@code /} (see {@code ResourceStore.create}): an encoded slash ({@code %2F}) cannot be part of an
 * id, and runtimes decode it into a real {@code /} before the application sees the path, so
 * {@code /Users/{id}%2F} would otherwise reach the resource {@code {id}}. The endpoint answers such
 * paths with 404 instead.
 */
final class RawPath {
    private RawPath() {
    }

    /** Whether the raw path holds an encoded {@code /}. */
    static boolean hasEncodedSlash(String raw) {
        return raw.toUpperCase(Locale.ROOT).contains("%2F");
    }

    /**
     * The path with its percent-escapes decoded as UTF-8 (RFC 3986 §2.5); a {@code %} that does not
     * start an escape is kept as it is, and so is everything else.
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            int high = i + 2 < raw.length() && raw.charAt(i) == '%' ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 3;
                continue;
            }
            flush(bytes, decoded);
            decoded.append(raw.charAt(i));
            i++;
        }
        flush(bytes, decoded);
        return decoded.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder decoded) {
        if (bytes.size() > 0) {
            decoded.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }
}
