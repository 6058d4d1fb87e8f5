package io.scimkit.core.filter;

import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;

/**
 * A compact, fully parenthesized debug rendering of a filter AST that shows its shape, e.g.
 * {@code (or (eq a 1) (and (eq b 2) (pr c)))}. Decimals carry an {@code m} suffix so that they can
 * be told apart from integers; strings, booleans and null are JSON literals.
 */
final class SExpression implements FilterVisitor<String> {
    private static final SExpression INSTANCE = new SExpression();

    private SExpression() {
    }

    static String of(Filter filter) {
        return filter.accept(INSTANCE);
    }

    @Override
    public String visitAnd(AndFilter filter) {
        return "(and " + of(filter.left()) + " " + of(filter.right()) + ")";
    }

    @Override
    public String visitOr(OrFilter filter) {
        return "(or " + of(filter.left()) + " " + of(filter.right()) + ")";
    }

    @Override
    public String visitNot(NotFilter filter) {
        return "(not " + of(filter.inner()) + ")";
    }

    @Override
    public String visitComparison(ComparisonFilter filter) {
        String literal;
        if (filter.value() instanceof DecimalValue decimal) {
            literal = decimal.value().toString() + "m";
        } else if (filter.value() instanceof IntegerValue integer) {
            literal = Long.toString(integer.value());
        } else {
            StringBuilder out = new StringBuilder();
            FilterRenderer.appendLiteral(out, filter.value());
            literal = out.toString();
        }
        return "(" + filter.op().token() + " " + filter.path() + " " + literal + ")";
    }

    @Override
    public String visitPresent(PresentFilter filter) {
        return "(pr " + filter.path() + ")";
    }

    @Override
    public String visitValuePath(ValuePathFilter filter) {
        return "(at " + filter.path() + " " + of(filter.inner()) + ")";
    }
}
