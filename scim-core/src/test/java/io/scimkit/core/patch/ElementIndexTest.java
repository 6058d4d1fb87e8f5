package io.scimkit.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hash index a PATCH {@code add} uses on large multi-valued attributes (K-52,
 * P-PAT-ADD-07) answers exactly as comparing with every element does: a seeded differential
 * property over member- and email-like elements, with case variants, missing {@code value} or
 * {@code type}, and non-complex elements, on lists below and above the indexing threshold.
 */
class ElementIndexTest {
    private static final String[] IDS = {"u-1", "U-1", "u-2", "u-20", "grp-7", "GRP-7", "ǅ", "ǆ", "K", "\u212A"};
    private static final String[] TYPES = {"User", "Group", "user", "work", "home"};

    @ParameterizedTest(name = "{0}, {1} elements, seed {2}")
    @CsvSource({"members, 5, 1", "members, 15, 2", "members, 16, 3", "members, 60, 4",
            "emails, 5, 5", "emails, 40, 6", "addresses, 30, 7"})
    void indexAgreesWithScan(String attributeName, int size, long seed) {
        AttributeDefinition attribute = attribute(attributeName);
        ElementEquality sameness = ElementEquality.of(attribute);
        Random random = new Random(seed);
        List<ScimValue> elements = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            elements.add(element(random));
        }
        ElementIndex index = new ElementIndex(sameness, elements);
        for (int probe = 0; probe < 300; probe++) {
            ScimValue candidate = element(random);
            boolean scanned = elements.stream().anyMatch(present -> sameness.same(present, candidate));
            assertThat(index.containsSame(candidate)).as("%s in %s", candidate, elements).isEqualTo(scanned);
            if (!scanned && random.nextBoolean()) {
                elements.add(candidate);
                index.added(candidate);
            }
        }
    }

    private static AttributeDefinition attribute(String name) {
        if (name.equals("members")) {
            return CoreSchemas.GROUP.attribute(name).orElseThrow();
        }
        return CoreSchemas.USER.attribute(name).orElseThrow();
    }

    private static ScimValue element(Random random) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return StringValue.of(IDS[random.nextInt(IDS.length)]);
        }
        ComplexValue.Builder element = ComplexValue.builder();
        if (shape != 1) {
            element.put(random.nextBoolean() ? "value" : "VALUE", IDS[random.nextInt(IDS.length)]);
        }
        if (random.nextBoolean()) {
            element.put("type", TYPES[random.nextInt(TYPES.length)]);
        }
        if (random.nextInt(4) == 0) {
            element.put("primary", BooleanValue.of(random.nextBoolean()));
        }
        if (shape == 1 || random.nextInt(5) == 0) {
            element.put("locality", IDS[random.nextInt(IDS.length)]);
        }
        return element.build();
    }
}
