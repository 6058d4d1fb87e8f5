package io.scimkit.core.filter;

import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Comparisons of text values: {@code string} and {@code reference} attributes with every operator (RFC 7644 §3.4.2.2 Table 3),
 * honouring the attribute's {@code caseExact}.
 *
 * <p>When case is ignored, every operator folds case the same locale-independent way: character
 * by character, as {@link String#regionMatches(boolean, int, String, int, int)},
 * {@link String#equalsIgnoreCase} and {@link String#CASE_INSENSITIVE_ORDER} do. So {@code eq},
 * {@code sw}, {@code co} and {@code ge} never disagree about whether two strings are equal, and
 * the server's default locale never changes a result.
 */
final class TextTests {
    private TextTests() {
    }

    /**
     * The test for {@code value op operand} on a text attribute.
     *
     * @param op any operator but {@code ne}, which the caller builds as {@code not eq} (see {@link FilterEvaluator})
     * @param caseExact whether case matters (RFC 7643 §7)
     */
    static ValueTest of(CompareOp op, String operand, boolean caseExact) {
        Predicate<String> predicate = caseExact ? exact(op, operand) : ignoringCase(op, operand);
        return value -> {
            String text = textOf(value);
            return text != null && predicate.test(text);
        };
    }

    /**
     * The text of a stored string or reference value (both are JSON strings, and a codec without
     * the schema at hand may hold either); other kinds have none.
     */
    static @Nullable String textOf(ScimValue value) {
        if (value instanceof StringValue string) {
            return string.value();
        }
        return value instanceof ReferenceValue reference ? reference.uri() : null;
    }

    private static Predicate<String> exact(CompareOp op, String operand) {
        return switch (op) {
            case EQ, NE -> operand::equals;
            case CO -> text -> text.contains(operand);
            case SW -> text -> text.startsWith(operand);
            case EW -> text -> text.endsWith(operand);
            default -> ordered(ComparisonTests.outcome(op), text -> text.compareTo(operand));
        };
    }

    private static Predicate<String> ignoringCase(CompareOp op, String operand) {
        int length = operand.length();
        return switch (op) {
            case EQ, NE -> operand::equalsIgnoreCase;
            case CO -> text -> containsIgnoringCase(text, operand);
            case SW -> text -> text.regionMatches(true, 0, operand, 0, length);
            case EW -> text -> text.regionMatches(true, text.length() - length, operand, 0, length);
            default -> ordered(ComparisonTests.outcome(op),
                    text -> String.CASE_INSENSITIVE_ORDER.compare(text, operand));
        };
    }

    private static Predicate<String> ordered(IntPredicate outcome, ToIntFunction<String> comparison) {
        return text -> outcome.test(comparison.applyAsInt(text));
    }

    private static boolean containsIgnoringCase(String text, String part) {
        int last = text.length() - part.length();
        for (int start = 0; start <= last; start++) {
            if (text.regionMatches(true, start, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
