package io.scimkit.core.dialect;

import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON text of one flat object (RFC 8259 §4), as Entra serialises an app role into a
 * string (quirk Q15, see {@code docs/entra-quirks.md}): {@code {"id":"…","value":"Reader","displayName":"Reader"}}. Member values
 * may be strings, numbers, {@code true}, {@code false} or {@code null}; nested objects or arrays,
 * duplicate names (in any case), trailing text or any syntax error make the text "not a flat
 * object" and the caller keeps the string as sent. Iterative, so input size only costs time
 * linear in its length. Stateless.
 */
final class FlatJsonObject {
    /** Longest text considered; an app role is well under 1 KiB. */
    static final int MAX_LENGTH = 16 * 1024;

    private final String text;
    private int at;

    private FlatJsonObject(String text) {
        this.text = text;
    }

    /** The object the text holds, if it is exactly one flat JSON object. */
    static Optional<ComplexValue> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(new FlatJsonObject(text).object());
    }

    private @Nullable ComplexValue object() {
        skipWhitespace();
        if (!take('{')) {
            return null;
        }
        ComplexValue.Builder members = ComplexValue.builder();
        Set<String> seen = new HashSet<>();
        skipWhitespace();
        if (!take('}')) {
            do {
                skipWhitespace();
                String name = string();
                if (name == null || !seen.add(name.toLowerCase(Locale.ROOT))) {
                    return null;
                }
                skipWhitespace();
                if (!take(':')) {
                    return null;
                }
                skipWhitespace();
                ScimValue value = scalar();
                if (value == null) {
                    return null;
                }
                members.put(name, value);
                skipWhitespace();
            } while (take(','));
            if (!take('}')) {
                return null;
            }
        }
        skipWhitespace();
        return at == text.length() ? members.build() : null;
    }

    private @Nullable ScimValue scalar() {
        if (at >= text.length()) {
            return null;
        }
        char c = text.charAt(at);
        if (c == '"') {
            String string = string();
            return string == null ? null : StringValue.of(string);
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return BooleanValue.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return BooleanValue.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return NullValue.INSTANCE;
        }
        return number();
    }

    /** RFC 8259 §6 number; integers that fit a long are integers, the rest decimals. */
    private @Nullable ScimValue number() {
        int start = at;
        take('-');
        if (!digits()) {
            return null;
        }
        boolean integral = true;
        if (take('.')) {
            integral = false;
            if (!digits()) {
                return null;
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            integral = false;
            at++;
            if (!take('+')) {
                take('-');
            }
            if (!digits()) {
                return null;
            }
        }
        String literal = text.substring(start, at);
        if (literal.length() > 64 || literal.matches("-?0\\d.*")) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(literal);
        } catch (NumberFormatException exponentOutOfRange) {
            return null;
        }
        if (integral) {
            try {
                return IntegerValue.of(value.longValueExact());
            } catch (ArithmeticException tooLarge) {
                return DecimalValue.of(value);
            }
        }
        return DecimalValue.of(value);
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    /** RFC 8259 §7 string at the cursor, unescaped; {@code null} if malformed. */
    private @Nullable String string() {
        if (!take('"')) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                return null;
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = hex4();
                    if (code < 0) {
                        return null;
                    }
                    out.append((char) code);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private int hex4() {
        if (at + 4 > text.length()) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(at++);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }

    private boolean take(char expected) {
        if (at < text.length() && text.charAt(at) == expected) {
            at++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }
}
