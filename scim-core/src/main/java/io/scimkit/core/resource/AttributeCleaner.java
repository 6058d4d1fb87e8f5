package io.scimkit.core.resource;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ValidationProblems.Kind;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.UnknownAttributePolicy;
import io.scimkit.core.schema.internal.ValueConformer;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks and cleans the value of one attribute against its definition, reporting every problem to
 * a {@link ValidationProblems} instead of stopping at the first.
 *
 * <p>Cleaning: unassigned values ({@code null}, {@code []}, RFC 7643 §2.5; Entra ID sends them in
 * create bodies, quirks Q12 and Q13 in {@code docs/entra-quirks.md}) and empty strings are removed
 * (the RFC leaves open whether {@code ""} is a value; storing it as unassigned keeps {@code pr} and
 * the stores consistent); on create, {@code readOnly} attributes and sub-attributes are removed
 * (RFC 7644 §3.3); unknown sub-attributes are removed or reported
 * by the {@link UnknownAttributePolicy}; values are brought to their declared type by the
 * {@link ValueConformer}, and sub-attribute names to their canonical spelling. Checks: types,
 * at most one {@code primary: true} (RFC 7643 §2.4), canonical values if so configured, and required
 * sub-attributes in each complex value. Not thread-safe; one per validation run.
 */
final class AttributeCleaner {
    private static final ValueConformer CONFORMER = ValueConformer.of(UnknownAttributePolicy.IGNORE);

    private final ValidationSettings settings;
    private final boolean stripReadOnly;
    private final ValidationProblems problems;

    AttributeCleaner(ValidationSettings settings, boolean stripReadOnly, ValidationProblems problems) {
        this.settings = settings;
        this.stripReadOnly = stripReadOnly;
        this.problems = problems;
    }

    /** Whether a value of this definition is dropped before checks: unassigned, or readOnly on create. */
    boolean drops(AttributeDefinition definition, ScimValue value) {
        return isUnassigned(value) || stripReadOnly && definition.mutability() == Mutability.READ_ONLY;
    }

    /** Whether a required attribute of this definition must be present in the result. */
    boolean mustBePresent(AttributeDefinition definition) {
        return !(stripReadOnly && definition.mutability() == Mutability.READ_ONLY);
    }

    /** Reports a member the schemas do not define, if the policy rejects such members. */
    void unknown(String name, String owner) {
        if (settings.unknownAttributes() == UnknownAttributePolicy.REJECT) {
            problems.add(Kind.UNKNOWN_ATTRIBUTE, "'" + name + "' is not an attribute of " + owner);
        }
    }

    /**
     * The cleaned value, or {@code null} if nothing remains or the value was refused.
     *
     * @param name the attribute as a client reads it, e.g. {@code emails} or {@code urn:...:User:manager}
     */
    @Nullable ScimValue clean(AttributeDefinition definition, ScimValue value, String name) {
        if (drops(definition, value)) {
            return null;
        }
        if (!definition.isComplex()) {
            return leaf(definition, value, name);
        }
        if (!definition.multiValued()) {
            if (value instanceof MultiValue) {
                problems.addFor(name, Kind.TYPE, "'" + name + "' is single-valued but an array was given");
                return null;
            }
            if (!(value instanceof ComplexValue complex)) {
                problems.addFor(name, Kind.TYPE, "'" + name + "' must be a JSON object");
                return null;
            }
            return complex(definition, complex, name);
        }
        List<ScimValue> elements = value instanceof MultiValue multi ? multi.values() : List.of(value);
        List<ScimValue> cleaned = new ArrayList<>(elements.size());
        int primaries = 0;
        for (ScimValue element : elements) {
            if (element instanceof NullValue) {
                continue;
            }
            if (!(element instanceof ComplexValue complex)) {
                problems.addFor(name, Kind.TYPE, "the values of '" + name + "' must be JSON objects");
                continue;
            }
            ComplexValue kept = complex(definition, complex, name);
            if (kept == null) {
                continue;
            }
            if (kept.getOrNull("primary") instanceof BooleanValue primary && primary.value()) {
                primaries++;
            }
            cleaned.add(kept);
        }
        if (primaries > 1) {
            problems.addFor(name, Kind.PRIMARY, "'" + name + "' has " + primaries
                    + " values with primary true; at most one may be primary (RFC 7643 §2.4)");
        }
        return cleaned.isEmpty() ? null : MultiValue.of(cleaned);
    }

    private @Nullable ComplexValue complex(AttributeDefinition definition, ComplexValue value, String name) {
        ComplexValue.Builder builder = ComplexValue.builder();
        for (Map.Entry<String, ScimValue> member : value.attributes().entrySet()) {
            AttributeDefinition sub = definition.subAttribute(member.getKey()).orElse(null);
            if (sub == null) {
                unknown(name + "." + member.getKey(), "'" + name + "'");
                continue;
            }
            if (drops(sub, member.getValue())) {
                continue;
            }
            String subName = name + "." + sub.name();
            if (member.getValue() instanceof ComplexValue && !sub.isComplex()) {
                problems.addFor(subName, Kind.TYPE, "'" + subName + "' cannot hold a JSON object");
                continue;
            }
            ScimValue kept = leaf(sub, member.getValue(), subName);
            if (kept != null) {
                builder.put(sub.name(), kept);
            }
        }
        ComplexValue cleaned = builder.build();
        if (cleaned.isEmpty()) {
            return null;
        }
        for (AttributeDefinition sub : definition.subAttributes()) {
            String subName = name + "." + sub.name();
            if (sub.required() && mustBePresent(sub) && cleaned.getOrNull(sub.name()) == null && !problems.failed(subName)) {
                problems.add(Kind.REQUIRED, "'" + subName + "' is required in every value of '" + name + "'");
            }
        }
        return cleaned;
    }

    private @Nullable ScimValue leaf(AttributeDefinition definition, ScimValue value, String name) {
        ScimValue conformed;
        try {
            conformed = CONFORMER.conform(value, definition, name);
        } catch (ScimException wrongType) {
            problems.addFor(name, Kind.TYPE, wrongType.detail());
            return null;
        }
        if (conformed instanceof MultiValue multi) {
            List<ScimValue> kept = new ArrayList<>(multi.size());
            for (ScimValue element : multi.values()) {
                if (!isUnassigned(element)) {
                    checkCanonical(definition, element, name);
                    kept.add(element);
                }
            }
            return kept.isEmpty() ? null : MultiValue.of(kept);
        }
        if (isUnassigned(conformed)) {
            return null;
        }
        checkCanonical(definition, conformed, name);
        return conformed;
    }

    private void checkCanonical(AttributeDefinition definition, ScimValue value, String name) {
        if (settings.canonicalValues() != CanonicalValuePolicy.REJECT || definition.canonicalValues().isEmpty()
                || !(value instanceof StringValue string)) {
            return;
        }
        for (String canonical : definition.canonicalValues()) {
            if (definition.caseExact() ? canonical.equals(string.value()) : canonical.equalsIgnoreCase(string.value())) {
                return;
            }
        }
        problems.addFor(name, Kind.CANONICAL_VALUE, "'" + name + "' is '" + string.value() + "' but must be one of "
                + String.join(", ", definition.canonicalValues()));
    }

    /** Unassigned in the sense of RFC 7643 §2.5, plus the empty string (our reading, see the class comment). */
    static boolean isUnassigned(ScimValue value) {
        if (value instanceof StringValue string) {
            return string.value().isEmpty();
        }
        if (value instanceof ReferenceValue reference) {
            return reference.uri().isEmpty();
        }
        return value instanceof NullValue || value instanceof MultiValue multi && multi.values().isEmpty();
    }
}
