package io.scimkit.core.filter;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.IntPredicate;

/**
 * Checks a comparison {@code path op operand} against the attribute's type and turns it into a
 * {@link ValueTest} (the operators of RFC 7644 §3.4.2.2 Table 3 against the types of RFC 7643 §2.3).
 *
 * <p>Every check happens here, at compile time, so a filter's errors never depend on the data it
 * meets: ordering a boolean or binary (Table 3), {@code co}/{@code sw}/{@code ew} on anything but
 * text, and an operand whose JSON type does not fit the attribute are all {@code invalidFilter}.
 * The RFC only defines the first as an error; for the others we refuse rather than guess.
 * Operands are not coerced here: {@code active eq "true"} is an error (the lenient client dialect
 * rewrites it to {@code active eq true} before compiling, rule {@code filter-string-operands}).
 */
final class ComparisonTests {
    private static final IntPredicate EQUAL = comparison -> comparison == 0;
    private static final IntPredicate GREATER = comparison -> comparison > 0;
    private static final IntPredicate GREATER_OR_EQUAL = comparison -> comparison >= 0;
    private static final IntPredicate LESS = comparison -> comparison < 0;
    private static final IntPredicate LESS_OR_EQUAL = comparison -> comparison <= 0;

    private ComparisonTests() {
    }

    /**
     * The test one stored value must pass for {@code path op operand}. For {@code ne} this is the
     * {@code eq} test: the caller negates the whole attribute's result (see {@link FilterEvaluator}).
     *
     * @param target a target whose leaf is not complex (see {@link FilterTarget#comparable()})
     * @param operand a non-null JSON literal
     * @throws ScimException {@code invalidFilter} if the operator or operand does not fit the type
     */
    static ValueTest of(FilterTarget target, CompareOp op, ScimValue operand) {
        AttributeDefinition leaf = target.leaf();
        CompareOp test = op == CompareOp.NE ? CompareOp.EQ : op;
        return switch (leaf.type()) {
            // references are case-exact (RFC 7643 §2.3.7) except the schemas URIs (RFC 7644 §3.10)
            case STRING -> TextTests.of(test, string(target, op, operand), leaf.caseExact());
            case REFERENCE -> TextTests.of(test, string(target, op, operand), !target.schemasAttribute());
            case BOOLEAN -> bool(target, op, operand);
            case INTEGER, DECIMAL -> number(target, op, operand);
            case DATE_TIME -> dateTime(target, op, operand);
            case BINARY -> binary(target, op, operand);
            case COMPLEX -> throw ScimException.invalidFilter("'" + target.display()
                    + "' is a complex attribute and cannot be compared with a value");
        };
    }

    /** Whether a {@code compareTo} result satisfies an ordering operator, or {@code eq}. */
    static IntPredicate outcome(CompareOp op) {
        return switch (op) {
            case GT -> GREATER;
            case GE -> GREATER_OR_EQUAL;
            case LT -> LESS;
            case LE -> LESS_OR_EQUAL;
            default -> EQUAL;
        };
    }

    private static ValueTest bool(FilterTarget target, CompareOp op, ScimValue operand) {
        rejectOrdering(target, op);
        rejectSubstring(target, op);
        if (!(operand instanceof BooleanValue bool)) {
            throw wrongOperand(target, op, operand, "true or false");
        }
        boolean expected = bool.value();
        return value -> value instanceof BooleanValue stored && stored.value() == expected;
    }

    private static ValueTest number(FilterTarget target, CompareOp op, ScimValue operand) {
        rejectSubstring(target, op);
        IntPredicate outcome = outcome(op);
        if (operand instanceof IntegerValue integer) {
            long expected = integer.value();
            BigDecimal decimal = BigDecimal.valueOf(expected);
            return value -> {
                if (value instanceof IntegerValue stored) {
                    return outcome.test(Long.compare(stored.value(), expected));
                }
                return value instanceof DecimalValue stored && outcome.test(stored.value().compareTo(decimal));
            };
        }
        if (!(operand instanceof DecimalValue decimalOperand)) {
            throw wrongOperand(target, op, operand, "a number");
        }
        // An integer attribute compared with a fraction is still a numeric comparison.
        BigDecimal expected = decimalOperand.value();
        return value -> {
            if (value instanceof IntegerValue stored) {
                return outcome.test(BigDecimal.valueOf(stored.value()).compareTo(expected));
            }
            return value instanceof DecimalValue stored && outcome.test(stored.value().compareTo(expected));
        };
    }

    private static ValueTest dateTime(FilterTarget target, CompareOp op, ScimValue operand) {
        rejectSubstring(target, op);
        String text = string(target, op, operand);
        Instant expected = DateTimeValue.parse(text).map(DateTimeValue::instant).orElseThrow(
                () -> ScimException.invalidFilter("'" + target.display() + "' is a dateTime, and " + literal(operand)
                        + " is not an xsd:dateTime such as \"2011-05-13T04:42:34Z\""));
        IntPredicate outcome = outcome(op);
        return value -> {
            if (value instanceof DateTimeValue stored) {
                return outcome.test(stored.instant().compareTo(expected));
            }
            // a codec that did not know the type may hold the dateTime as its text
            return value instanceof StringValue stored && DateTimeValue.parse(stored.value())
                    .map(parsed -> outcome.test(parsed.instant().compareTo(expected))).orElse(false);
        };
    }

    private static ValueTest binary(FilterTarget target, CompareOp op, ScimValue operand) {
        rejectOrdering(target, op);
        rejectSubstring(target, op);
        // binary is case-exact whatever the schema says (RFC 7643 §2.3.6)
        String expected = string(target, op, operand);
        return value -> {
            if (value instanceof BinaryValue stored) {
                return stored.base64().equals(expected);
            }
            return value instanceof StringValue text && text.value().equals(expected);
        };
    }

    private static String string(FilterTarget target, CompareOp op, ScimValue operand) {
        if (operand instanceof StringValue string) {
            return string.value();
        }
        throw wrongOperand(target, op, operand, "a string");
    }

    private static void rejectOrdering(FilterTarget target, CompareOp op) {
        if (op.isOrdering()) {
            throw ScimException.invalidFilter("operator '" + op.token() + "' cannot order "
                    + typeName(target) + " attribute '" + target.display() + "'");
        }
    }

    private static void rejectSubstring(FilterTarget target, CompareOp op) {
        if (op.isSubstring()) {
            throw ScimException.invalidFilter("operator '" + op.token() + "' applies only to string and reference"
                    + " attributes, not to " + typeName(target) + " attribute '" + target.display() + "'");
        }
    }

    private static ScimException wrongOperand(FilterTarget target, CompareOp op, ScimValue operand, String expected) {
        String type = typeName(target);
        String article = type.startsWith("i") ? "an " : "a ";
        return ScimException.invalidFilter("'" + target.display() + "' is " + article + type
                + " attribute, so '" + op.token() + "' needs " + expected + ", not " + literal(operand));
    }

    private static String typeName(FilterTarget target) {
        return target.leaf().type().token();
    }

    private static String literal(ScimValue operand) {
        StringBuilder text = new StringBuilder();
        FilterRenderer.appendLiteral(text, operand);
        return text.toString();
    }
}
