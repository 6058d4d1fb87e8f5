package io.scimkit.core.patch;

import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.CompareOp;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.internal.ValueConformer;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import java.util.Optional;

/**
 * The element an unmatched value filter describes, for Entra's upsert (quirk Q6, see {@code docs/entra-quirks.md}):
 * {@code emails[type eq "work"]} describes {@code {"type":"work"}}. Only a filter that is an
 * {@code eq} or an {@code and} of {@code eq}s on distinct sub-attributes describes an element;
 * anything else ({@code or}, {@code ne}, {@code co}, {@code pr}, {@code eq null}) does not.
 */
final class UpsertSeed {
    private UpsertSeed() {
    }

    /** The sub-attributes the filter pins, conformed to their definitions; empty if it pins no element. */
    static Optional<ComplexValue> of(Filter filter, AttributeDefinition attribute, ValueConformer conformer) {
        ComplexValue.Builder seed = ComplexValue.builder();
        return collect(filter, attribute, conformer, seed) ? Optional.of(seed.build()) : Optional.empty();
    }

    private static boolean collect(Filter filter, AttributeDefinition attribute, ValueConformer conformer,
            ComplexValue.Builder seed) {
        if (filter instanceof AndFilter and) {
            return collect(and.left(), attribute, conformer, seed) && collect(and.right(), attribute, conformer, seed);
        }
        if (!(filter instanceof ComparisonFilter comparison) || comparison.op() != CompareOp.EQ
                || comparison.value() instanceof NullValue || comparison.path().schemaUrn() != null
                || comparison.path().hasSubAttribute()) {
            return false;
        }
        AttributeDefinition sub = attribute.subAttribute(comparison.path().attribute()).orElse(null);
        if (sub == null || sub.isComplex() || sub.multiValued()) {
            return false;
        }
        ScimValue value = conformer.conform(comparison.value(), sub, attribute.name() + "." + sub.name());
        ScimValue earlier = seed.build().getOrNull(sub.name());
        if (earlier != null && !ElementEquality.equal(sub, earlier, value)) {
            return false;
        }
        seed.put(sub.name(), value);
        return true;
    }
}
