package io.scimkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sort order of RFC 7644 §3.4.2.3 (digest P-SRT-03, P-SRT-05, P-SRT-07, P-SRT-08). */
class SortKeyTest {
    private static final AttributeDefinition NAME = AttributeDefinition.builder("name").build();
    private static final AttributeDefinition CODE = AttributeDefinition.builder("code").caseExact(true).build();
    private static final AttributeDefinition RANK = AttributeDefinition.builder("rank").type(AttributeType.INTEGER)
            .build();
    private static final AttributeDefinition SEEN = AttributeDefinition.builder("seen").type(AttributeType.DATE_TIME)
            .build();
    private static final AttributeDefinition VALUE = AttributeDefinition.builder("value").build();
    private static final AttributeDefinition EMAILS = AttributeDefinition.builder("emails")
            .type(AttributeType.COMPLEX).multiValued(true)
            .subAttributes(VALUE, AttributeDefinition.builder("primary").type(AttributeType.BOOLEAN).build()).build();

    private static Sort ascending(AttributeDefinition attribute) {
        return new Sort(new ResolvedAttribute(null, attribute, null), SortOrder.ASCENDING);
    }

    private static Sort descending(AttributeDefinition attribute) {
        return new Sort(new ResolvedAttribute(null, attribute, null), SortOrder.DESCENDING);
    }

    private static ScimResource resource(String label, String attribute, ScimValue value) {
        return ScimResource.of(ComplexValue.builder().put("label", StringValue.of(label)).put(attribute, value)
                .build());
    }

    private static ScimResource without(String label) {
        return ScimResource.of(ComplexValue.builder().put("label", StringValue.of(label)).build());
    }

    private static List<String> labels(List<ScimResource> resources) {
        List<String> labels = new ArrayList<>();
        resources.forEach(resource -> labels.add(((StringValue) resource.body().getOrNull("label")).value()));
        return labels;
    }

    @Test
    void stringsCompareCaseInsensitivelyUnlessCaseExact_PSRT07() {
        List<ScimResource> names = List.of(resource("b", "name", StringValue.of("bravo")),
                resource("Z", "name", StringValue.of("Zulu")), resource("a", "name", StringValue.of("alpha")));
        assertThat(labels(SortKey.sort(names, ascending(NAME)))).containsExactly("a", "b", "Z");
        List<ScimResource> codes = List.of(resource("b", "code", StringValue.of("bravo")),
                resource("Z", "code", StringValue.of("Zulu")), resource("a", "code", StringValue.of("alpha")));
        assertThat(labels(SortKey.sort(codes, ascending(CODE)))).containsExactly("Z", "a", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"straße STRASSE", "İstanbul istanbul", "ǅemal ǆemal", "Ωmega ωmega", "é É", "a[ A_", "Ab aB"})
    void caseInsensitiveKeysCompareAsCaseInsensitiveOrder(String pair) {
        String[] texts = pair.split(" ");
        int expected = Integer.signum(String.CASE_INSENSITIVE_ORDER.compare(texts[0], texts[1]));
        int actual = Integer.signum(SortKey.text(texts[0], false).compareTo(SortKey.text(texts[1], false)));
        assertThat(actual).isEqualTo(expected);
        assertThat(Integer.signum(SortKey.text(texts[0], true).compareTo(SortKey.text(texts[1], true))))
                .isEqualTo(Integer.signum(texts[0].compareTo(texts[1])));
    }

    @Test
    void numbersCompareNumerically_PSRT08() {
        List<ScimResource> ranks = List.of(resource("10", "rank", IntegerValue.of(10)),
                resource("9", "rank", IntegerValue.of(9)), resource("100", "rank", IntegerValue.of(100)),
                resource("9.5", "rank", DecimalValue.of(new BigDecimal("9.5"))));
        assertThat(labels(SortKey.sort(ranks, ascending(RANK)))).containsExactly("9", "9.5", "10", "100");
        assertThat(new SortKey.Numeric(new BigDecimal("1.0"))).isEqualTo(new SortKey.Numeric(BigDecimal.ONE));
    }

    @Test
    void dateTimesCompareChronologicallyAlsoWhenHeldAsStrings_PSRT08() {
        // 10:00+02:00 is 08:00Z: before 09:00Z, although its text sorts after.
        List<ScimResource> times = List.of(resource("09Z", "seen", StringValue.of("2025-01-01T09:00:00Z")),
                resource("08Z", "seen", StringValue.of("2025-01-01T10:00:00+02:00")),
                resource("07Z", "seen", DateTimeValue.of(Instant.parse("2025-01-01T07:00:00Z"))));
        assertThat(labels(SortKey.sort(times, ascending(SEEN)))).containsExactly("07Z", "08Z", "09Z");
    }

    @Test
    void missingValuesComeLastAscendingAndFirstDescending_PSRT05() {
        List<ScimResource> names = List.of(without("none"), resource("b", "name", StringValue.of("b")),
                resource("null", "name", NullValue.INSTANCE), resource("a", "name", StringValue.of("a")));
        assertThat(labels(SortKey.sort(names, ascending(NAME)))).containsExactly("a", "b", "none", "null");
        assertThat(labels(SortKey.sort(names, descending(NAME)))).containsExactly("none", "null", "b", "a");
        List<ScimResource> byComparator = new ArrayList<>(names);
        byComparator.sort(SortKey.comparator(descending(NAME)));
        assertThat(labels(byComparator)).containsExactly("none", "null", "b", "a");
    }

    @Test
    void tiesKeepTheGivenOrder() {
        List<ScimResource> names = List.of(resource("1", "name", StringValue.of("Same")),
                resource("2", "name", StringValue.of("same")), resource("3", "name", StringValue.of("SAME")));
        assertThat(labels(SortKey.sort(names, ascending(NAME)))).containsExactly("1", "2", "3");
        assertThat(labels(SortKey.sort(names, descending(NAME)))).containsExactly("1", "2", "3");
    }

    @Test
    void multiValuedAttributesSortByThePrimaryElementElseTheFirst_PSRT03() {
        ScimResource primaryA = resource("primary a", "emails", MultiValue.of(email("z", false), email("a", true)));
        ScimResource firstM = resource("first m", "emails", MultiValue.of(email("m", false), email("b", false)));
        ScimResource empty = resource("empty", "emails", MultiValue.EMPTY);
        List<ScimResource> all = List.of(firstM, empty, primaryA);
        Sort byValue = new Sort(new ResolvedAttribute(null, EMAILS, VALUE), SortOrder.ASCENDING);
        assertThat(labels(SortKey.sort(all, byValue))).containsExactly("primary a", "first m", "empty");
        // A complex attribute named alone sorts by its value sub-attribute, as filters compare it.
        assertThat(labels(SortKey.sort(all, ascending(EMAILS)))).containsExactly("primary a", "first m", "empty");
        assertThat(SortKey.of(primaryA, byValue)).isEqualTo(SortKey.text("A", false));
    }

    @Test
    void extensionAttributesAreReadFromTheExtensionObject() {
        String urn = "urn:example:ext";
        Sort sort = new Sort(new ResolvedAttribute(urn, NAME, null), SortOrder.ASCENDING);
        ScimResource inExtension = ScimResource.of(ComplexValue.builder()
                .put(urn, ComplexValue.builder().put("name", StringValue.of("x")).build()).build());
        assertThat(SortKey.of(inExtension, sort)).isEqualTo(SortKey.text("x", false));
        assertThat(SortKey.of(resource("core", "name", StringValue.of("x")), sort)).isEqualTo(SortKey.missing());
    }

    @Test
    void kindsOrderTextNumberTimeBooleanMissing() {
        List<SortKey> keys = new ArrayList<>(List.of(SortKey.missing(), new SortKey.Flag(false),
                new SortKey.Time(Instant.EPOCH), new SortKey.Numeric(BigDecimal.TEN), SortKey.text("z", true)));
        keys.sort(SortKey.order(SortOrder.ASCENDING));
        assertThat(keys).containsExactly(SortKey.text("z", true), new SortKey.Numeric(BigDecimal.TEN),
                new SortKey.Time(Instant.EPOCH), new SortKey.Flag(false), SortKey.missing());
        assertThat(SortKey.of(resource("b", "name", BooleanValue.TRUE), ascending(NAME)))
                .isEqualTo(new SortKey.Flag(true));
        assertThat(SortKey.of(resource("bin", "name", BinaryValue.of("QUJD")), ascending(NAME)))
                .isEqualTo(new SortKey.Text("QUJD"));
    }

    @Test
    void keysSurviveEncodeAndDecode() {
        for (SortKey key : List.of(SortKey.text("a|b:c\nd", true), SortKey.text("", true),
                new SortKey.Numeric(new BigDecimal("-1.25E+7")), new SortKey.Time(Instant.parse("2025-06-01T12:00:00.5Z")),
                new SortKey.Flag(true), new SortKey.Flag(false), SortKey.missing())) {
            assertThat(SortKey.decode(key.encode())).isEqualTo(key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x1", "nabc", "tyesterday", "bmaybe", "-extra"})
    void malformedEncodedKeysAreRefused(String encoded) {
        assertThatThrownBy(() -> SortKey.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ComplexValue email(String value, boolean primary) {
        ComplexValue.Builder email = ComplexValue.builder().put("value", StringValue.of(value));
        if (primary) {
            email.put("primary", BooleanValue.TRUE);
        }
        return email.build();
    }
}
