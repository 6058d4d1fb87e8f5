package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The decoded query string of a request. Decoding follows HTML form rules, which is what Entra
 * sends: {@code +} is a space and {@code %XX} a UTF-8 byte ({@code filter=userName+eq+%22x%22}).
 * Parameter names compare without regard to case (Entra, Okta and the RFC examples disagree on
 * {@code excludedAttributes} casing); a parameter given without {@code =} has the empty value.
 * Immutable.
 */
public final class QueryParameters {
    /** No parameters. */
    public static final QueryParameters EMPTY = new QueryParameters(Map.of());

    private final Map<String, List<String>> parameters;

    private QueryParameters(Map<String, List<String>> parameters) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Decodes a raw query string (without the {@code ?}).
     *
     * @throws ScimException 400 {@code invalidSyntax} for a malformed percent escape or invalid UTF-8
     */
    public static QueryParameters parse(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new QueryParameters(parameters);
    }

    /** Parameters from already decoded values. */
    public static QueryParameters of(Map<String, List<String>> decoded) {
        return new QueryParameters(decoded);
    }

    /** The first value of the parameter, if present. */
    public Optional<String> first(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the parameter is present, with or without a value. */
    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** All parameters. */
    public Map<String, List<String>> asMap() {
        return parameters;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes[length++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw ScimException.invalidSyntax("malformed percent-escape in the query string");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw ScimException.invalidSyntax("malformed percent-escape in the query string");
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                // A raw non-ASCII character (an adapter that passed a decoded query): keep it as UTF-8.
                int codePoint = text.codePointAt(i);
                i += Character.charCount(codePoint) - 1;
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                if (length + encoded.length > bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 + encoded.length);
                }
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
            }
        }
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            throw ScimException.invalidSyntax("the query string is not valid UTF-8");
        }
    }
}
