package io.scimkit.jdbc.internal.query;

import io.scimkit.core.filter.CompareOp;

/**
 * {@code co}, {@code sw} and {@code ew} as {@code LIKE ? ESCAPE '\'} patterns (RFC 7644
 * §3.4.2.2): the operand's {@code %}, {@code _} and {@code \} are escaped, so they match only
 * themselves, and the wildcard {@code %} is added where the operator needs it.
 */
public final class LikePatterns {
    private LikePatterns() {
    }

    /** The pattern for {@code value op operand}; {@code op} is {@code co}, {@code sw} or {@code ew}. */
    public static String of(CompareOp op, String operand) {
        String escaped = escape(operand);
        return switch (op) {
            case CO -> "%" + escaped + "%";
            case SW -> escaped + "%";
            case EW -> "%" + escaped;
            default -> throw new IllegalArgumentException("not a substring operator: " + op);
        };
    }

    /** The operand with {@code \}, {@code %} and {@code _} preceded by {@code \}. */
    static String escape(String operand) {
        StringBuilder out = new StringBuilder(operand.length() + 8);
        for (int i = 0; i < operand.length(); i++) {
            char c = operand.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
