package io.scimkit.core.schema.internal;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.UnknownAttributePolicy;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brings a JSON value into the shape an attribute definition declares (RFC 7643 §2.3): a JSON
 * string becomes a dateTime, reference or binary value where the schema says so, an integer
 * becomes a decimal for a decimal attribute, sub-attribute names take their canonical spelling,
 * and a single value for a multi-valued attribute becomes a one-element list.
 *
 * <p>Values that cannot be brought into shape are refused with 400 {@code invalidValue}: a string
 * for a boolean (the lenient dialect converts Entra's {@code "True"} before this runs), a fraction
 * or exponent for an integer (§2.3.4), a date without time (§2.3.5), text that is not
 * base64 for binary (§2.3.6), an array for a single-valued attribute, a scalar for a complex
 * one, and a complex sub-attribute inside a complex value (§2.3.8). {@code null} passes
 * through: it means "unassign" (RFC 7643 §2.5). Stateless and thread-safe.
 */
public final class ValueConformer {
    private final UnknownAttributePolicy unknownAttributes;

    private ValueConformer(UnknownAttributePolicy unknownAttributes) {
        this.unknownAttributes = unknownAttributes;
    }

    /** A conformer that handles sub-attributes the schema does not define by the given policy. */
    public static ValueConformer of(UnknownAttributePolicy unknownAttributes) {
        return new ValueConformer(unknownAttributes);
    }

    /**
     * The value conformed to the definition.
     *
     * @param name the attribute's name as the client should read it in an error, e.g. {@code emails.value}
     * @throws ScimException {@code invalidValue} if the value cannot have the declared type
     */
    public ScimValue conform(ScimValue value, AttributeDefinition definition, String name) {
        if (value instanceof NullValue) {
            return value;
        }
        if (definition.multiValued()) {
            List<ScimValue> elements = value instanceof MultiValue multi ? multi.values() : List.of(value);
            // Copied from the first element that changes; a list already in shape is returned as is.
            List<ScimValue> conformed = value instanceof MultiValue ? null : new ArrayList<>(1);
            for (int i = 0; i < elements.size(); i++) {
                ScimValue element = elements.get(i);
                if (element instanceof MultiValue) {
                    throw ScimException.invalidValue("'" + name + "' holds a nested array");
                }
                ScimValue single = element instanceof NullValue ? null : single(element, definition, name);
                if (conformed == null && single != element) {
                    conformed = new ArrayList<>(elements.size());
                    conformed.addAll(elements.subList(0, i));
                }
                if (conformed != null && single != null) {
                    conformed.add(single);
                }
            }
            return conformed == null ? value : MultiValue.of(conformed);
        }
        if (value instanceof MultiValue) {
            throw ScimException.invalidValue("'" + name + "' is single-valued but an array was given");
        }
        return single(value, definition, name);
    }

    private ScimValue single(ScimValue value, AttributeDefinition definition, String name) {
        return switch (definition.type()) {
            case STRING -> requireString(value, name, "a string");
            case BOOLEAN -> {
                if (value instanceof BooleanValue) {
                    yield value;
                }
                throw wrongType(name, "a boolean (true or false)");
            }
            case INTEGER -> {
                if (value instanceof IntegerValue) {
                    yield value;
                }
                throw wrongType(name, "an integer without fraction or exponent");
            }
            case DECIMAL -> decimal(value, name);
            case DATE_TIME -> dateTime(value, name);
            case BINARY -> binary(value, name);
            case REFERENCE -> value instanceof ReferenceValue
                    ? value
                    : ReferenceValue.of(((StringValue) requireString(value, name, "a URI string")).value());
            case COMPLEX -> complex(value, definition, name);
        };
    }

    private static ScimValue decimal(ScimValue value, String name) {
        if (value instanceof DecimalValue) {
            return value;
        }
        if (value instanceof IntegerValue integer) {
            return DecimalValue.of(BigDecimal.valueOf(integer.value()));
        }
        throw wrongType(name, "a decimal number");
    }

    private static ScimValue dateTime(ScimValue value, String name) {
        if (value instanceof DateTimeValue) {
            return value;
        }
        if (value instanceof StringValue string) {
            return DateTimeValue.parse(string.value())
                    .orElseThrow(() -> wrongType(name, "an xsd:dateTime with date and time, e.g. 2008-01-23T04:56:22Z"));
        }
        throw wrongType(name, "an xsd:dateTime string");
    }

    private static ScimValue binary(ScimValue value, String name) {
        BinaryValue binary = value instanceof BinaryValue given
                ? given
                : BinaryValue.of(((StringValue) requireString(value, name, "base64 text")).value());
        try {
            binary.decode();
        } catch (IllegalArgumentException notBase64) {
            throw wrongType(name, "base64 text");
        }
        return binary;
    }

    private ScimValue complex(ScimValue value, AttributeDefinition definition, String name) {
        if (!(value instanceof ComplexValue complex)) {
            throw wrongType(name, "a JSON object");
        }
        // Built from the first member that changes (value, spelling of its name, or dropped); a value
        // already in shape, as stored values and most requests are, is returned as is.
        ComplexValue.Builder builder = null;
        for (Map.Entry<String, ScimValue> entry : complex.attributes().entrySet()) {
            String subName = entry.getKey();
            AttributeDefinition sub = definition.subAttribute(subName).orElse(null);
            if (sub == null) {
                if (unknownAttributes == UnknownAttributePolicy.REJECT) {
                    throw ScimException.invalidValue("'" + name + "' has no sub-attribute '" + subName + "'");
                }
                builder = builder != null ? builder : copyBefore(complex, subName);
                continue;
            }
            ScimValue subValue = entry.getValue();
            if (subValue instanceof ComplexValue && !sub.isComplex()) {
                throw ScimException.invalidValue("'" + name + "." + sub.name() + "' cannot hold a complex value");
            }
            ScimValue conformed = inShape(subValue, sub) ? subValue : conform(subValue, sub, name + "." + sub.name());
            if (builder == null && (conformed != subValue || !sub.name().equals(subName))) {
                builder = copyBefore(complex, subName);
            }
            if (builder != null) {
                builder.put(sub.name(), conformed);
            }
        }
        return builder == null ? complex : builder.build();
    }

    /**
     * Whether {@link #conform} would return the value as it is without looking further: a single
     * value already of the type's value class (binary text is still to be decoded, so never).
     */
    private static boolean inShape(ScimValue value, AttributeDefinition definition) {
        if (definition.multiValued()) {
            return false;
        }
        return switch (definition.type()) {
            case STRING -> value instanceof StringValue;
            case BOOLEAN -> value instanceof BooleanValue;
            case INTEGER -> value instanceof IntegerValue;
            case DECIMAL -> value instanceof DecimalValue;
            case DATE_TIME -> value instanceof DateTimeValue;
            case REFERENCE -> value instanceof ReferenceValue;
            case BINARY, COMPLEX -> false;
        };
    }

    /** A builder holding the members before the one named, which are already in shape. */
    private static ComplexValue.Builder copyBefore(ComplexValue complex, String name) {
        ComplexValue.Builder builder = ComplexValue.builder();
        for (Map.Entry<String, ScimValue> earlier : complex.attributes().entrySet()) {
            if (earlier.getKey().equals(name)) {
                break;
            }
            builder.put(earlier.getKey(), earlier.getValue());
        }
        return builder;
    }

    private static ScimValue requireString(ScimValue value, String name, String expected) {
        if (value instanceof StringValue) {
            return value;
        }
        throw wrongType(name, expected);
    }

    private static ScimException wrongType(String name, String expected) {
        return ScimException.invalidValue("'" + name + "' must be " + expected);
    }
}
