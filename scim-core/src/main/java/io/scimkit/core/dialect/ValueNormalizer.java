package io.scimkit.core.dialect;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
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
import java.util.Optional;

/**
 * The value rules of a dialect, applied along an attribute definition (RFC 7643 §2.3): string
 * booleans (Q2), {@code "$ref": null} (Q5), manager shapes (Q9), JSON text inside {@code value}
 * (Q15) and, in resource bodies, null members (Q12); the quirks are described in
 * {@code docs/entra-quirks.md}. Values the schema does not describe are left
 * as sent. One instance per normalisation call.
 */
final class ValueNormalizer {
    private static final String VALUE = "value";
    private static final String REF = "$ref";

    private final Firings firings;
    private final boolean body;

    /**
     * @param body whether the values come from a POST/PUT body (where a null member means "not
     *     sent", Q12) rather than from a PATCH operation (where it may mean "clear")
     */
    ValueNormalizer(Firings firings, boolean body) {
        this.firings = firings;
        this.body = body;
    }

    /** The whole value of an attribute, single- or multi-valued. */
    ScimValue attribute(ScimValue value, AttributeDefinition definition) {
        if (definition.multiValued()) {
            if (!(value instanceof MultiValue multi)) {
                return element(value, definition);
            }
            // Copied only from the first element a rule changes; most requests need no rule.
            List<ScimValue> sent = multi.values();
            List<ScimValue> elements = null;
            for (int i = 0; i < sent.size(); i++) {
                ScimValue element = sent.get(i);
                ScimValue normalized;
                if (element instanceof NullValue && body && firings.on(DialectRule.BODY_NULLS_IGNORED)) {
                    firings.fire(DialectRule.BODY_NULLS_IGNORED);
                    normalized = null;
                } else {
                    normalized = element(element, definition);
                }
                if (elements == null && normalized != element) {
                    elements = new ArrayList<>(sent.size());
                    elements.addAll(sent.subList(0, i));
                }
                if (elements != null && normalized != null) {
                    elements.add(normalized);
                }
            }
            return elements == null ? multi : MultiValue.of(elements);
        }
        ScimValue single = value;
        if (definition.isComplex() && single instanceof MultiValue multi && multi.size() == 1
                && firings.on(DialectRule.MANAGER_SINGLE_ELEMENT_ARRAY)) {
            firings.fire(DialectRule.MANAGER_SINGLE_ELEMENT_ARRAY);
            single = multi.values().get(0);
        }
        return element(single, definition);
    }

    /** One value of the attribute: the value of a single-valued one, or one element of a multi-valued one. */
    ScimValue element(ScimValue value, AttributeDefinition definition) {
        if (definition.isComplex()) {
            if (value instanceof ComplexValue complex) {
                return complex(complex, definition);
            }
            Optional<String> text = text(value);
            if (text.isPresent() && !definition.multiValued() && hasValueSubAttribute(definition)
                    && firings.on(DialectRule.MANAGER_BARE_STRING)) {
                firings.fire(DialectRule.MANAGER_BARE_STRING);
                return complex(ComplexValue.builder().put(VALUE, text.get()).build(), definition);
            }
            return value;
        }
        if (definition.type() == AttributeType.BOOLEAN && value instanceof StringValue string
                && firings.on(DialectRule.BOOLEAN_STRINGS)) {
            if (string.value().equalsIgnoreCase("true")) {
                firings.fire(DialectRule.BOOLEAN_STRINGS);
                return BooleanValue.TRUE;
            }
            if (string.value().equalsIgnoreCase("false")) {
                firings.fire(DialectRule.BOOLEAN_STRINGS);
                return BooleanValue.FALSE;
            }
        }
        return value;
    }

    /**
     * Whether a value for a single-valued complex attribute with a {@code value} sub-attribute
     * (the enterprise manager) carries no reference at all: {@code ""}, {@code {"value": ""}},
     * {@code {}}, {@code []}, {@code [""]} or {@code null}. Entra's validator removes a manager
     * this way (Q9).
     */
    static boolean isEmptyReference(ScimValue value, AttributeDefinition definition) {
        if (!definition.isComplex() || definition.multiValued() || !hasValueSubAttribute(definition)) {
            return false;
        }
        if (value instanceof NullValue) {
            return true;
        }
        if (value instanceof MultiValue multi) {
            return multi.values().isEmpty()
                    || multi.size() == 1 && isEmptyReference(multi.values().get(0), definition);
        }
        if (value instanceof ComplexValue complex) {
            for (Map.Entry<String, ScimValue> member : complex.attributes().entrySet()) {
                ScimValue sub = member.getValue();
                boolean blank = sub.isUnassigned() || text(sub).map(String::isBlank).orElse(false);
                if (!blank) {
                    return false;
                }
            }
            return true;
        }
        return text(value).map(String::isBlank).orElse(false);
    }

    private ComplexValue complex(ComplexValue value, AttributeDefinition definition) {
        ComplexValue source = definition.multiValued() ? unwrapJsonText(value, definition) : value;
        // A builder is started only at the first member a rule changes; most values pass as sent.
        ComplexValue.Builder members = null;
        for (Map.Entry<String, ScimValue> member : source.attributes().entrySet()) {
            String name = member.getKey();
            ScimValue sub = member.getValue();
            ScimValue normalized;
            if (sub instanceof NullValue && name.equalsIgnoreCase(REF) && firings.on(DialectRule.NULL_REF_DROPPED)) {
                firings.fire(DialectRule.NULL_REF_DROPPED);
                normalized = null;
            } else if (sub instanceof NullValue && body && firings.on(DialectRule.BODY_NULLS_IGNORED)) {
                firings.fire(DialectRule.BODY_NULLS_IGNORED);
                normalized = null;
            } else {
                Optional<AttributeDefinition> subDefinition = definition.subAttribute(name);
                normalized = subDefinition.isPresent() ? attribute(sub, subDefinition.get()) : sub;
            }
            if (members == null && normalized != sub) {
                members = ComplexValue.builder();
                for (Map.Entry<String, ScimValue> earlier : source.attributes().entrySet()) {
                    if (earlier.getKey().equals(name)) {
                        break;
                    }
                    members.put(earlier.getKey(), earlier.getValue());
                }
            }
            if (members != null && normalized != null) {
                members.put(name, normalized);
            }
        }
        return members == null ? source : members.build();
    }

    /**
     * Q15: {@code {"value": "{\"id\":\"…\",\"value\":\"Reader\",\"displayName\":\"Reader\"}"}}
     * becomes the object in the text, keeping the element's other members. Entra names the
     * human-readable role name {@code displayName}; where the attribute calls it {@code display}
     * (as {@code roles} does, RFC 7643 §4.1.2) it is renamed.
     */
    private ComplexValue unwrapJsonText(ComplexValue element, AttributeDefinition definition) {
        if (!firings.on(DialectRule.JSON_STRING_VALUES) || !(element.getOrNull(VALUE) instanceof StringValue text)
                || !text.value().stripLeading().startsWith("{")) {
            return element;
        }
        Optional<ComplexValue> parsed = FlatJsonObject.parse(text.value());
        if (parsed.isEmpty()) {
            return element;
        }
        ComplexValue merged = element.without(VALUE);
        for (Map.Entry<String, ScimValue> member : parsed.get().attributes().entrySet()) {
            String name = member.getKey();
            if (name.equalsIgnoreCase("displayName") && definition.subAttribute(name).isEmpty()
                    && definition.subAttribute("display").isPresent() && parsed.get().getOrNull("display") == null) {
                name = "display";
            }
            merged = merged.with(name, member.getValue());
        }
        firings.fire(DialectRule.JSON_STRING_VALUES);
        return merged;
    }

    private static boolean hasValueSubAttribute(AttributeDefinition definition) {
        return definition.subAttribute(VALUE).isPresent();
    }

    private static Optional<String> text(ScimValue value) {
        if (value instanceof StringValue string) {
            return Optional.of(string.value());
        }
        return value instanceof ReferenceValue reference ? Optional.of(reference.uri()) : Optional.empty();
    }
}
