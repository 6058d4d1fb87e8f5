package io.scimkit.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.scimkit.core.path.AttributePath;

/**
 * The definition of one attribute or sub-attribute of a schema, with every characteristic of
 * RFC 7643 §2.2 and §7: type, multiValued, required, caseExact, mutability, returned, uniqueness,
 * canonicalValues, referenceTypes and, for complex attributes, sub-attributes.
 *
 * <p>Unspecified characteristics take the RFC 7643 §2.2 defaults. Sub-attributes are
 * looked up without regard to case. Instances are immutable; build them with {@link #builder}.
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        if (!AttributePath.isAttributeName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid attribute name (RFC 7643 §2.1)");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        if (type != AttributeType.COMPLEX && !subAttributes.isEmpty()) {
            throw new IllegalArgumentException("only complex attributes have sub-attributes: " + name);
        }
    }

    /** A builder for an attribute of the given name, starting from the RFC 7643 §2.2 defaults. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this definition's characteristics. */
    public Builder toBuilder() {
        Builder builder = new Builder(name)
                .type(type).multiValued(multiValued).description(description).required(required)
                .caseExact(caseExact).mutability(mutability).returned(returned).uniqueness(uniqueness)
                .canonicalValues(canonicalValues).referenceTypes(referenceTypes);
        builder.subAttributes.addAll(subAttributes);
        return builder;
    }

    /** The sub-attribute with this name, ignoring case. */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        for (AttributeDefinition sub : subAttributes) {
            if (sub.name.equalsIgnoreCase(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    /** Whether this is a complex attribute (RFC 7643 §2.3.8). */
    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** Collects characteristics; starts from the RFC 7643 §2.2 defaults. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private AttributeType type = AttributeType.STRING;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private final List<AttributeDefinition> subAttributes = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder type(AttributeType value) {
            this.type = value;
            return this;
        }

        public Builder multiValued(boolean value) {
            this.multiValued = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder required(boolean value) {
            this.required = value;
            return this;
        }

        public Builder caseExact(boolean value) {
            this.caseExact = value;
            return this;
        }

        public Builder mutability(Mutability value) {
            this.mutability = value;
            return this;
        }

        public Builder returned(Returned value) {
            this.returned = value;
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = value;
            return this;
        }

        public Builder canonicalValues(List<String> values) {
            this.canonicalValues = List.copyOf(values);
            return this;
        }

        public Builder referenceTypes(List<String> values) {
            this.referenceTypes = List.copyOf(values);
            return this;
        }

        /** Adds sub-attributes and makes the attribute complex. */
        public Builder subAttributes(AttributeDefinition... values) {
            this.type = AttributeType.COMPLEX;
            this.subAttributes.addAll(List.of(values));
            return this;
        }

        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, description, required, caseExact,
                    mutability, returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
