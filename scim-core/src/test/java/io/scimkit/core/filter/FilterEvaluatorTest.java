package io.scimkit.core.filter;

import static io.scimkit.core.filter.SampleResources.BJENSEN;
import static io.scimkit.core.filter.SampleResources.BJENSEN_ID;
import static io.scimkit.core.filter.SampleResources.ENTERPRISE;
import static io.scimkit.core.filter.SampleResources.GROUP;
import static io.scimkit.core.filter.SampleResources.REGISTRY;
import static io.scimkit.core.filter.SampleResources.TEST_URN;
import static io.scimkit.core.filter.SampleResources.TOUR_GUIDES;
import static io.scimkit.core.filter.SampleResources.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator against the sample resources ({@link SampleResources}): filter text from the
 * golden tables {@code evaluator-matches.csv} (every line of the digest §6.3 truth table and the
 * semantic rows of §6.1 and §12) and {@code evaluator-invalid.csv} (invalidFilter with a detail
 * fragment), parsed with the lenient {@link FilterParser}; plus a factory-built subset that pins
 * the semantics independently of the parser.
 */
class FilterEvaluatorTest {
    private static final FilterEvaluator USERS = FilterEvaluator.of(REGISTRY, USER);
    private static final FilterEvaluator GROUPS = FilterEvaluator.of(REGISTRY, GROUP);

    static Stream<Arguments> userFilters() {
        return Stream.of(
                // digest §6.3 truth table
                row(cmp("userName", CompareOp.EQ, "bjensen"), true, "§6.3 caseExact=false, P-FLT-17"),
                row(cmp("USERNAME", CompareOp.EQ, "bjensen"), true, "§6.3, P-FLT-04"),
                row(cmp("userName", CompareOp.SW, "bj"), true, "§6.3 sw"),
                row(cmp("userName", CompareOp.EW, "SEN"), true, "§6.3 ew"),
                row(cmp("userName", CompareOp.CO, "JEN"), true, "§6.3 co"),
                row(cmp("emails.type", CompareOp.EQ, "home"), true, "§6.3 any value, P-FLT-11"),
                row(Filter.valuePath(path("emails"), Filter.and(cmp("type", CompareOp.EQ, "work"),
                        cmp("value", CompareOp.EW, "y.org"))), false, "§6.3 same element, P-FLT-13"),
                row(Filter.and(cmp("emails.type", CompareOp.EQ, "work"), cmp("emails.value", CompareOp.EW, "y.org")),
                        true, "§6.3 different elements, P-FLT-13"),
                row(Filter.present(path("title")), false, "§6.3 absent, P-FLT-20"),
                row(cmp("active", CompareOp.EQ, true), true, "§6.3 boolean"),
                row(Filter.and(Filter.not(cmp("userName", CompareOp.EQ, "x")), cmp("active", CompareOp.EQ, true)),
                        true, "§6.3 not"),
                row(Filter.or(cmp("userName", CompareOp.EQ, "x"), Filter.and(cmp("userName", CompareOp.EQ, "bjensen"),
                        cmp("active", CompareOp.EQ, false))), false, "§6.3 and binds tighter, P-FLT-07"),
                row(Filter.and(Filter.or(cmp("userName", CompareOp.EQ, "x"), cmp("userName", CompareOp.EQ, "bjensen")),
                        cmp("active", CompareOp.EQ, true)), true, "§6.3 grouping, P-FLT-08"),
                // K-11, K-12, K-16, P-FLT-20, K-65
                row(cmp("emails", CompareOp.CO, "y.org"), true, "K-11 emails means emails.value"),
                row(cmp("emails.type", CompareOp.NE, "work"), false, "K-12 no element may equal"),
                row(cmp("emails.type", CompareOp.NE, "other"), true, "K-12"),
                row(cmp("title", CompareOp.NE, "x"), true, "K-12 absent matches ne"),
                row(cmp("title", CompareOp.EQ, null), true, "K-16 eq null is not pr"),
                row(cmp("userName", CompareOp.NE, null), true, "K-16 ne null is pr"),
                row(Filter.present(path("nickName")), false, "K-65 empty string"),
                row(Filter.present(path("userType")), false, "P-FLT-20 null"),
                row(Filter.present(path("phoneNumbers")), false, "P-FLT-20 []"),
                row(Filter.present(path("addresses")), false, "P-FLT-20 complex without a non-empty sub-attribute"),
                row(Filter.present(path("name")), true, "P-FLT-20 complex"),
                // P-FLT-15, P-FLT-16, P-FLT-24
                row(cmp("urn:ietf:params:scim:schemas:core:2.0:User:userName", CompareOp.SW, "b"), true, "P-FLT-15"),
                row(cmp(ENTERPRISE + ":manager.value", CompareOp.EQ, SampleResources.MANAGER_ID), true, "P-FLT-16"),
                row(cmp("schemas", CompareOp.EQ, ENTERPRISE.toUpperCase(java.util.Locale.ROOT)), true, "P-FLT-24"),
                // P-FLT-17 exact attributes, K-37
                row(cmp("id", CompareOp.EQ, BJENSEN_ID.toUpperCase(java.util.Locale.ROOT)), false, "P-FLT-17 id exact"),
                row(cmp("x509Certificates.value", CompareOp.EQ, SampleResources.CERTIFICATE), true, "K-37"),
                row(cmp("x509Certificates.value", CompareOp.EQ,
                        SampleResources.CERTIFICATE.toLowerCase(java.util.Locale.ROOT)), false, "K-37 binary exact"),
                // P-FLT-21 typed ordering
                row(cmp("meta.created", CompareOp.LT, "2010-01-23T05:56:22+01:00"), false, "P-FLT-21 same instant"),
                row(cmp("meta.created", CompareOp.EQ, "2010-01-23T05:56:22+01:00"), true, "P-FLT-21 eq instant"),
                row(cmp("meta.lastModified", CompareOp.GE, "2011-05-13T04:42:34Z"), true, "P-FLT-21 dateTime text"),
                row(cmp(TEST_URN + ":level", CompareOp.LT, new BigDecimal("3.5")), true, "P-FLT-21 integer vs fraction"),
                row(cmp(TEST_URN + ":score", CompareOp.EQ, new BigDecimal("4.5")), true, "P-FLT-21 4.50 = 4.5"),
                row(cmp(TEST_URN + ":badges", CompareOp.GT, 5), true, "P-FLT-21 any of [1, 7]"),
                // P-FLT-13, P-FLT-29
                row(Filter.valuePath(path("emails"), Filter.and(cmp("type", CompareOp.EQ, "work"),
                        Filter.or(cmp("value", CompareOp.CO, "zzz"), cmp("value", CompareOp.CO, "X.COM")))),
                        true, "P-FLT-29 nested inside brackets"),
                row(Filter.valuePath(path(ENTERPRISE + ":manager"), cmp("displayName", CompareOp.SW, "john")),
                        true, "value filter on a single-valued complex extension attribute"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} ({2})")
    @MethodSource("userFilters")
    void evaluatesFiltersAgainstBJensen(Filter filter, boolean expected, String rule) {
        assertThat(USERS.compile(filter).matches(BJENSEN)).as(rule).isEqualTo(expected);
        assertThat(USERS.matches(filter, BJENSEN)).as(rule).isEqualTo(expected);
    }

    static Stream<Arguments> invalidUserFilters() {
        return Stream.of(
                row(cmp("foo", CompareOp.EQ, "x"), "'foo'", "K-15 names the attribute"),
                row(cmp("userName.foo", CompareOp.EQ, "x"), "not a complex attribute", "sub-attribute of a string"),
                row(cmp("active", CompareOp.GT, false), "'gt'", "P-FLT-22 boolean"),
                row(cmp("x509Certificates.value", CompareOp.LE, "x"), "binary", "P-FLT-22 binary"),
                row(cmp(TEST_URN + ":level", CompareOp.SW, "1"), "integer", "K-13 integer"),
                row(cmp("active", CompareOp.EQ, "true"), "true or false", "K-14 strict"),
                row(cmp("meta.lastModified", CompareOp.GT, 5), "needs a string", "K-14 strict"),
                row(cmp("name", CompareOp.EQ, "x"), "complex attribute", "K-11 no value sub-attribute"),
                row(cmp("userName", CompareOp.GT, null), "null", "K-16 only eq/ne null"),
                row(Filter.valuePath(path("emails"), cmp("userName", CompareOp.EQ, "x")), "not a sub-attribute",
                        "P-FLT-14"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> invalidFilter ({2})")
    @MethodSource("invalidUserFilters")
    void rejectsFiltersThatDoNotFitTheSchema(Filter filter, String detailFragment, String rule) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> USERS.compile(filter));
        assertThat(error).as(rule).isNotNull();
        assertThat(error.scimType()).contains(ScimErrorType.INVALID_FILTER);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.detail()).as(rule).contains(detailFragment);
    }

    @Test
    void membersCompareByValueOnGroups() {
        assertThat(GROUPS.matches(cmp("members", CompareOp.EQ, BJENSEN_ID), TOUR_GUIDES)).isTrue();
        assertThat(GROUPS.matches(cmp("members", CompareOp.EQ, "nobody"), TOUR_GUIDES)).isFalse();
    }

    @Test
    void storedValuesOfAnUnexpectedKindDoNotMatchAndDoNotThrow() {
        ComplexValue odd = ComplexValue.builder()
                .put("active", "true")
                .put("userName", IntegerValue.of(5))
                .put("emails", StringValue.of("a@x.com"))
                .put("meta", MultiValue.of(StringValue.of("x")))
                .put(ENTERPRISE, StringValue.of("not an object"))
                .put(TEST_URN, ComplexValue.builder().put("level", "3").put("hired", "not a date").build())
                .build();
        Filter[] filters = {
            cmp("active", CompareOp.EQ, true),
            cmp("userName", CompareOp.EQ, "5"),
            cmp("emails.value", CompareOp.EQ, "a@x.com"),
            cmp("meta.created", CompareOp.LT, "2030-01-01T00:00:00Z"),
            cmp(ENTERPRISE + ":employeeNumber", CompareOp.EQ, "1"),
            cmp(TEST_URN + ":level", CompareOp.EQ, 3),
            cmp(TEST_URN + ":hired", CompareOp.LT, "2030-01-01T00:00:00Z"),
        };
        for (Filter filter : filters) {
            assertThat(USERS.matches(filter, odd)).as(filter.toString()).isFalse();
        }
    }

    @Test
    void errorsDoNotDependOnTheData() {
        Filter invalid = cmp("active", CompareOp.CO, "t");
        assertThat(catchThrowableOfType(ScimException.class, () -> USERS.compile(invalid))).isNotNull();
        // an empty body reaches no comparison, yet compile still refuses
        assertThat(catchThrowableOfType(ScimException.class, () -> USERS.matches(invalid, ComplexValue.EMPTY)))
                .isNotNull();
    }

    @Test
    void refusesAResourceTypeTheRegistryDoesNotHold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FilterEvaluator.of(SchemaRegistry.builder().build(), USER));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} -> {2} ({3})")
    @CsvFileSource(resources = "evaluator-matches.csv", delimiter = '|', quoteCharacter = '`')
    void evaluatesFilterTextAgainstTheSampleResources(String resource, String filter, boolean expected, String rule) {
        boolean user = resource.equals("User");
        ResourceMatcher matcher = (user ? USERS : GROUPS).compile(parse(filter));
        assertThat(matcher.matches(user ? BJENSEN : TOUR_GUIDES)).as(rule).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} -> invalidFilter ({3})")
    @CsvFileSource(resources = "evaluator-invalid.csv", delimiter = '|', quoteCharacter = '`')
    void rejectsFilterTextThatDoesNotFitTheSchema(String resource, String filter, String detailFragment,
            String rule) {
        FilterEvaluator evaluator = resource.equals("User") ? USERS : GROUPS;
        ScimException error = catchThrowableOfType(ScimException.class, () -> evaluator.compile(parse(filter)));
        assertThat(error).as(rule).isNotNull();
        assertThat(error.scimType()).as(rule).contains(ScimErrorType.INVALID_FILTER);
        if (detailFragment != null) {
            assertThat(error.detail()).as(rule).contains(detailFragment);
        }
    }

    private static Filter parse(String text) {
        return FilterParser.parse(text, FilterSettings.lenient());
    }

    static Arguments row(Filter filter, Object expected, String rule) {
        return Arguments.of(filter, expected, rule);
    }

    static AttributePath path(String text) {
        return AttributePath.parse(text);
    }

    /** {@code path op literal}; the literal is a String, Boolean, Integer, BigDecimal or null. */
    static Filter cmp(String path, CompareOp op, Object literal) {
        return Filter.compare(path(path), op, literal(literal));
    }

    private static ScimValue literal(Object value) {
        if (value == null) {
            return NullValue.INSTANCE;
        }
        if (value instanceof String text) {
            return StringValue.of(text);
        }
        if (value instanceof Boolean bool) {
            return BooleanValue.of(bool);
        }
        if (value instanceof Integer number) {
            return IntegerValue.of(number);
        }
        return DecimalValue.of((BigDecimal) value);
    }
}
