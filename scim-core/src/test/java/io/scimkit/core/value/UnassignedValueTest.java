package io.scimkit.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7643 §2.5 (S-ATTR-18): null, [] and an object without assigned sub-attributes are "no value". */
class UnassignedValueTest {
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("null", NullValue.INSTANCE, true),
                Arguments.of("[]", MultiValue.EMPTY, true),
                Arguments.of("{}", ComplexValue.EMPTY, true),
                Arguments.of("{a: null}", ComplexValue.of(Map.of("a", NullValue.INSTANCE)), true),
                Arguments.of("{a: [], b: {}}", ComplexValue.builder().put("a", MultiValue.EMPTY)
                        .put("b", ComplexValue.EMPTY).build(), true),
                Arguments.of("{a: null, b: \"x\"}", ComplexValue.builder().put("a", NullValue.INSTANCE)
                        .put("b", "x").build(), false),
                Arguments.of("[null]", MultiValue.of(NullValue.INSTANCE), false),
                Arguments.of("[\"x\"]", MultiValue.of(StringValue.of("x")), false),
                // An empty string is a value here; K-65 normalisation happens on write, not in the model.
                Arguments.of("\"\"", StringValue.of(""), false),
                Arguments.of("false", BooleanValue.of(false), false),
                Arguments.of("0", new IntegerValue(0), false),
                Arguments.of("0.0", new DecimalValue(BigDecimal.ZERO), false),
                Arguments.of("dateTime", DateTimeValue.of(Instant.EPOCH), false),
                Arguments.of("binary", BinaryValue.of(""), false),
                Arguments.of("reference", ReferenceValue.of("/Users/1"), false));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("values")
    void unassignedRules(String label, ScimValue value, boolean unassigned) {
        assertThat(value.isUnassigned()).isEqualTo(unassigned);
    }
}
