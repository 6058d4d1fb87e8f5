package io.scimkit.core.filter;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.core.value.internal.StorableText;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The character-level half of {@link FilterParser}: a cursor over the filter text that skips
 * whitespace, measures words and reads the JSON literals of RFC 7644 §3.4.2.2 ({@code compValue}:
 * strings, numbers, {@code true}, {@code false}, {@code null}; RFC 8259 §6-7).
 *
 * <p>It never builds a token list: the parser asks for the next word or literal where the grammar
 * expects one, so a typical filter costs a handful of substrings and no intermediate objects.
 * Positions in error details are zero-based character offsets into the filter text.
 */
final class FilterLexer {
    /** Longest excerpt of client text quoted back in an error detail. */
    private static final int EXCERPT = 32;
    /**
     * Largest decimal exponent (scale) accepted. Far beyond any real attribute value, yet it keeps
     * {@code 1e999999999} out: such a number is cheap here but turns into a gigabyte of digits as
     * soon as a store or evaluator calls {@code toPlainString()} or {@code toBigInteger()}.
     */
    private static final int MAX_SCALE = 1000;

    private final String text;
    private final int length;
    private int pos;

    FilterLexer(String text) {
        this.text = text;
        this.length = text.length();
    }

    int position() {
        return pos;
    }

    /** Moves the cursor, to consume a measured word or to back out of a look-ahead. */
    void moveTo(int position) {
        pos = position;
    }

    boolean atEnd() {
        return pos >= length;
    }

    /** The character at the cursor, or -1 at the end. */
    int peek() {
        return pos < length ? text.charAt(pos) : -1;
    }

    /** Consumes {@code c} if it is next. */
    boolean consume(char c) {
        if (pos < length && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Skips spaces and tabs (one or more between tokens, where the ABNF has one space); tells whether there were any. */
    boolean skipWhitespace() {
        int start = pos;
        while (pos < length && isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    /** Whether the cursor is where a value ends: whitespace, a closing bracket or the end. */
    boolean atValueBoundary() {
        if (pos >= length) {
            return true;
        }
        char c = text.charAt(pos);
        return isWhitespace(c) || c == ')' || c == ']';
    }

    /** The end of the word at the cursor: letters, digits and {@code - _ $ . :}; the cursor stays. */
    int wordEnd() {
        int end = pos;
        while (end < length && isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Whether {@code text[from, to)} is {@code lowerKeyword}, ignoring ASCII case (RFC 7644 §3.4.2.2). */
    boolean isKeyword(int from, int to, String lowerKeyword) {
        if (to - from != lowerKeyword.length()) {
            return false;
        }
        for (int i = 0; i < lowerKeyword.length(); i++) {
            // OR-ing 0x20 lower-cases an ASCII letter; no other char maps onto a lower-case letter.
            if ((text.charAt(from + i) | 0x20) != lowerKeyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The comparison operator spelled by {@code text[from, to)}, ignoring case, or null. */
    @Nullable CompareOp compareOp(int from, int to) {
        if (to - from != 2) {
            return null;
        }
        int first = text.charAt(from) | 0x20;
        int second = text.charAt(from + 1) | 0x20;
        return switch (first << 8 | second) {
            case 'e' << 8 | 'q' -> CompareOp.EQ;
            case 'n' << 8 | 'e' -> CompareOp.NE;
            case 'c' << 8 | 'o' -> CompareOp.CO;
            case 's' << 8 | 'w' -> CompareOp.SW;
            case 'e' << 8 | 'w' -> CompareOp.EW;
            case 'g' << 8 | 't' -> CompareOp.GT;
            case 'g' << 8 | 'e' -> CompareOp.GE;
            case 'l' << 8 | 't' -> CompareOp.LT;
            case 'l' << 8 | 'e' -> CompareOp.LE;
            default -> null;
        };
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    String substring(int from, int to) {
        return text.substring(from, to);
    }

    /** Client text for an error detail, cut short so a huge filter cannot blow up the response. */
    String excerpt(int from, int to) {
        return to - from <= EXCERPT ? text.substring(from, to) : text.substring(from, from + EXCERPT) + "...";
    }

    /** A 400 {@code invalidFilter} whose detail ends with the position it applies to. */
    static ScimException error(String message, int position) {
        return ScimException.invalidFilter(message + " at position " + position);
    }

    /**
     * Reads the {@code compValue} at the cursor: a JSON string, number, {@code true}, {@code false}
     * or {@code null} (RFC 7644 §3.4.2.2; the literals in any case, see {@link FilterSettings}), or a
     * single-quoted string if allowed.
     */
    ScimValue literal(boolean singleQuotes) {
        int start = pos;
        if (pos >= length) {
            throw error("expected a value (a string, number, true, false or null)", pos);
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return StringValue.of(string('"'));
        }
        if (c == '\'') {
            if (!singleQuotes) {
                throw error("single-quoted strings are not allowed; use double quotes", pos);
            }
            return StringValue.of(string('\''));
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        int end = wordEnd();
        if (isKeyword(start, end, "true")) {
            pos = end;
            return BooleanValue.TRUE;
        }
        if (isKeyword(start, end, "false")) {
            pos = end;
            return BooleanValue.FALSE;
        }
        if (isKeyword(start, end, "null")) {
            pos = end;
            return NullValue.INSTANCE;
        }
        if (end > start) {
            throw error("'" + excerpt(start, end) + "' is not a value; strings must be in double quotes", start);
        }
        throw error("expected a value (a string, number, true, false or null)", start);
    }

    /** Reads a quoted string with JSON escapes; the cursor is on the opening quote. */
    private String string(char quote) {
        int open = pos;
        int run = ++pos;
        @Nullable StringBuilder decoded = null;
        boolean suspect = false;
        while (true) {
            if (pos >= length) {
                throw error("unterminated string starting", open);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                String value = decoded == null ? text.substring(run, pos) : decoded.append(text, run, pos).toString();
                pos++;
                if (suspect) {
                    checkStorable(value, open);
                }
                return value;
            }
            if (c == '\\') {
                if (decoded == null) {
                    decoded = new StringBuilder(pos - run + 16);
                }
                decoded.append(text, run, pos);
                char unescaped = escape(quote);
                suspect |= unescaped == 0 || Character.isSurrogate(unescaped);
                decoded.append(unescaped);
                run = pos;
            } else if (c < 0x20) {
                throw error("control character U+" + hex4(c) + " must be escaped in a string", pos);
            } else {
                suspect |= Character.isSurrogate(c);
                pos++;
            }
        }
    }

    /** Decodes the escape at the cursor (RFC 8259 §7) and moves past it. */
    private char escape(char quote) {
        int start = pos;
        if (pos + 1 >= length) {
            throw error("unterminated escape sequence", start);
        }
        char c = text.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case '"', '\\', '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape(start);
            default:
                if (c == quote) {
                    return c;
                }
                String shown = c < 0x20 ? "U+" + hex4(c) : String.valueOf(c);
                throw error("invalid escape sequence '\\" + shown + "'", start);
        }
    }

    private char unicodeEscape(int start) {
        if (pos + 4 > length) {
            throw error("a \\u escape needs four hex digits", start);
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            // Character.digit also accepts non-ASCII digits; JSON allows only 0-9, a-f, A-F.
            if (digit < 0 || text.charAt(pos + i) > 'f') {
                throw error("a \\u escape needs four hex digits", start);
            }
            code = code << 4 | digit;
        }
        pos += 4;
        return (char) code;
    }

    /**
     * Rejects U+0000 and unpaired surrogates, raw or escaped: a filter value must be a string a
     * resource could hold ({@link StorableText}).
     */
    private static void checkStorable(String value, int open) {
        int bad = StorableText.firstUnstorable(value);
        if (bad >= 0) {
            throw error("the string starting here contains " + StorableText.describe(value, bad), open);
        }
    }

    /**
     * Reads a JSON number (RFC 8259 §6): an integer becomes an {@link IntegerValue}, or a
     * {@link DecimalValue} when it does not fit a long; a fraction or exponent makes a
     * {@link DecimalValue} that keeps the scale as written.
     */
    private ScimValue number() {
        int start = pos;
        consume('-');
        int digits = pos;
        if (pos >= length || !isDigit(text.charAt(pos))) {
            throw badNumber(start);
        }
        if (text.charAt(pos) == '0') {
            pos++;
        } else {
            while (pos < length && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        int integerEnd = pos;
        boolean integral = true;
        if (consume('.')) {
            integral = false;
            requireDigits(start);
        }
        if (pos < length && (text.charAt(pos) | 0x20) == 'e') {
            pos++;
            integral = false;
            if (!consume('+')) {
                consume('-');
            }
            requireDigits(start);
        }
        if (pos < length && isWordChar(text.charAt(pos))) {
            throw badNumber(start);
        }
        if (integral && integerEnd - digits <= 18) {
            long value = 0;
            for (int i = digits; i < integerEnd; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return IntegerValue.of(digits > start ? -value : value);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("the number '" + excerpt(start, pos) + "' is out of range", start);
        }
        if (value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE) {
            throw error("the number '" + excerpt(start, pos) + "' is out of range", start);
        }
        if (integral) {
            try {
                return IntegerValue.of(value.longValueExact());
            } catch (ArithmeticException e) {
                return DecimalValue.of(value);
            }
        }
        return DecimalValue.of(value);
    }

    private void requireDigits(int start) {
        if (pos >= length || !isDigit(text.charAt(pos))) {
            throw badNumber(start);
        }
        while (pos < length && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private ScimException badNumber(int start) {
        int end = start + 1;
        while (end < length && (isWordChar(text.charAt(end)) || text.charAt(end) == '+')) {
            end++;
        }
        return error("'" + excerpt(start, end) + "' is not a valid JSON number", start);
    }

    private static String hex4(char c) {
        String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        return "0000".substring(hex.length()) + hex;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Characters of attribute paths (URNs included) and of keywords, operators and literals. */
    static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '$' || c == '.' || c == ':';
    }
}
