package io.scimkit.core.filter;

import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;

/**
 * Renders a filter in canonical SCIM syntax: lower-case operators and keywords, single spaces,
 * {@code not (...)}, JSON literals, and parentheses exactly where precedence ({@code not} over
 * {@code and} over {@code or}, left-associative) needs them, so the text parses back to an equal
 * AST.
 */
final class FilterRenderer implements FilterVisitor<Void> {
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int ATOM = 3;

    private final StringBuilder out = new StringBuilder();

    private FilterRenderer() {
    }

    static String render(Filter filter) {
        FilterRenderer renderer = new FilterRenderer();
        filter.accept(renderer);
        return renderer.out.toString();
    }

    @Override
    public Void visitAnd(AndFilter filter) {
        binary(filter.left(), " and ", filter.right(), AND);
        return null;
    }

    @Override
    public Void visitOr(OrFilter filter) {
        binary(filter.left(), " or ", filter.right(), OR);
        return null;
    }

    @Override
    public Void visitNot(NotFilter filter) {
        out.append("not (");
        filter.inner().accept(this);
        out.append(')');
        return null;
    }

    @Override
    public Void visitComparison(ComparisonFilter filter) {
        out.append(filter.path()).append(' ').append(filter.op().token()).append(' ');
        appendLiteral(out, filter.value());
        return null;
    }

    @Override
    public Void visitPresent(PresentFilter filter) {
        out.append(filter.path()).append(" pr");
        return null;
    }

    @Override
    public Void visitValuePath(ValuePathFilter filter) {
        out.append(filter.path()).append('[');
        filter.inner().accept(this);
        out.append(']');
        return null;
    }

    private void binary(Filter left, String keyword, Filter right, int precedence) {
        // Left-associative: a left operand of the same precedence needs no parentheses, a right one does.
        operand(left, precedence(left) < precedence);
        out.append(keyword);
        operand(right, precedence(right) <= precedence);
    }

    private void operand(Filter operand, boolean parenthesize) {
        if (parenthesize) {
            out.append('(');
            operand.accept(this);
            out.append(')');
        } else {
            operand.accept(this);
        }
    }

    private static int precedence(Filter filter) {
        if (filter instanceof OrFilter) {
            return OR;
        }
        return filter instanceof AndFilter ? AND : ATOM;
    }

    /** Appends a comparison operand as a JSON literal (RFC 8259). */
    static void appendLiteral(StringBuilder out, ScimValue value) {
        if (value instanceof StringValue string) {
            appendJsonString(out, string.value());
        } else if (value instanceof BooleanValue bool) {
            out.append(bool.value());
        } else if (value instanceof IntegerValue integer) {
            out.append(integer.value());
        } else if (value instanceof DecimalValue decimal) {
            out.append(decimal.value().toString());
            if (decimal.value().scale() == 0 && decimal.value().unscaledValue().bitLength() < 64) {
                // Plain digits within long range would parse back as an integer; "5E0" stays a decimal.
                out.append("E0");
            }
        } else {
            out.append("null");
        }
    }

    /** Appends a JSON string: quotes, backslashes and control characters escaped, the rest as is. */
    static void appendJsonString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
