package io.scimkit.core.schema;

import io.scimkit.core.path.AttributePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schemas and resource types a service provider serves (RFC 7643 §6, §7; RFC 7644 §4), and the
 * resolution of attribute paths against them.
 *
 * <p>Registration is explicit: start from {@link #core()} (User, Group, Enterprise User) or
 * {@link #builder()}, add custom schemas, resource types and extensions, then {@code build()}.
 * The registry is immutable and thread-safe after {@code build()}; schema URNs, resource-type
 * names and endpoints are matched without regard to case.
 */
public final class SchemaRegistry {
    private final Map<String, Schema> schemas;
    private final Map<String, ResourceType> resourceTypes;
    private final List<Schema> orderedSchemas;
    private final List<ResourceType> orderedResourceTypes;
    // Lookups by the registered spelling skip the lower-casing on the hot path (filter compile, codec).
    private final Map<String, Schema> schemasBySpelling;
    private final Map<String, ResourceType> resourceTypesBySpelling;

    private SchemaRegistry(Builder builder) {
        this.schemas = Map.copyOf(builder.schemas);
        this.resourceTypes = Map.copyOf(builder.resourceTypes);
        Map<String, Schema> bySpelling = new java.util.HashMap<>();
        builder.schemas.values().forEach(schema -> bySpelling.put(schema.id(), schema));
        this.schemasBySpelling = Map.copyOf(bySpelling);
        Map<String, ResourceType> typesBySpelling = new java.util.HashMap<>();
        builder.resourceTypes.values().forEach(type -> typesBySpelling.put(type.name(), type));
        this.resourceTypesBySpelling = Map.copyOf(typesBySpelling);
        this.orderedSchemas = List.copyOf(builder.schemas.values());
        this.orderedResourceTypes = List.copyOf(builder.resourceTypes.values());
    }

    /** A registry with the RFC 7643 User (with Enterprise User extension) and Group resource types. */
    public static SchemaRegistry core() {
        return coreBuilder().build();
    }

    /** A builder that already holds what {@link #core()} holds. */
    public static Builder coreBuilder() {
        return builder()
                .schema(CoreSchemas.USER)
                .schema(CoreSchemas.GROUP)
                .schema(CoreSchemas.ENTERPRISE_USER)
                .resourceType(CoreSchemas.USER_RESOURCE_TYPE)
                .resourceType(CoreSchemas.GROUP_RESOURCE_TYPE);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this registry's content, to add to it. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        orderedSchemas.forEach(builder::schema);
        orderedResourceTypes.forEach(builder::resourceType);
        return builder;
    }

    /** Every registered schema, in registration order. */
    public List<Schema> schemas() {
        return orderedSchemas;
    }

    /** Every registered resource type, in registration order. */
    public List<ResourceType> resourceTypes() {
        return orderedResourceTypes;
    }

    /** The schema with this URN, ignoring case. */
    public Optional<Schema> schema(String urn) {
        Schema exact = schemasBySpelling.get(urn);
        return Optional.ofNullable(exact != null ? exact : schemas.get(key(urn)));
    }

    /** The resource type with this name, ignoring case. */
    public Optional<ResourceType> resourceType(String name) {
        ResourceType exact = resourceTypesBySpelling.get(name);
        return Optional.ofNullable(exact != null ? exact : resourceTypes.get(key(name)));
    }

    /** The resource type served at this endpoint (e.g. {@code /Users}), ignoring case. */
    public Optional<ResourceType> resourceTypeAt(String endpoint) {
        for (ResourceType type : orderedResourceTypes) {
            if (type.endpoint().equalsIgnoreCase(endpoint)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The base schema of a registered resource type. */
    public Schema baseSchema(ResourceType type) {
        return schema(type.schema()).orElseThrow(() -> new IllegalStateException("unregistered " + type.schema()));
    }

    /**
     * The extension schema of the resource type whose URN equals the text, ignoring case; this is
     * how a body key or a bare PATCH path such as {@code urn:...:enterprise:2.0:User} is recognised.
     */
    public Optional<Schema> extensionSchema(ResourceType type, String urn) {
        return type.extension(urn).flatMap(extension -> schema(extension.schema()));
    }

    /**
     * Resolves a path against a resource type (RFC 7644 §3.10). An unqualified name is looked up
     * among the common attributes (RFC 7643 §3.1) and then the base schema; a qualified name in the
     * named schema, which must be the base schema or one of the type's extensions. Every part is
     * matched without regard to case.
     *
     * @return the resolution, or empty if the path names nothing this resource type has
     */
    public Optional<ResolvedAttribute> resolve(ResourceType type, AttributePath path) {
        String urn = path.schemaUrn();
        Optional<AttributeDefinition> attribute;
        String extensionUrn = null;
        if (urn == null || urn.equalsIgnoreCase(type.schema())) {
            attribute = CoreSchemas.commonAttribute(path.attribute());
            if (attribute.isEmpty()) {
                attribute = baseSchema(type).attribute(path.attribute());
            }
        } else {
            Optional<Schema> extension = extensionSchema(type, urn);
            if (extension.isEmpty()) {
                return Optional.empty();
            }
            extensionUrn = extension.get().id();
            attribute = extension.get().attribute(path.attribute());
        }
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        String sub = path.subAttribute();
        if (sub == null) {
            return Optional.of(new ResolvedAttribute(extensionUrn, attribute.get(), null));
        }
        Optional<AttributeDefinition> subAttribute = attribute.get().subAttribute(sub);
        if (subAttribute.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedAttribute(extensionUrn, attribute.get(), subAttribute.get()));
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Collects schemas and resource types; validates references on {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final LinkedHashMap<String, Schema> schemas = new LinkedHashMap<>();
        private final LinkedHashMap<String, ResourceType> resourceTypes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Registers a schema; registering a different schema under a taken URN fails. */
        public Builder schema(Schema schema) {
            Schema previous = schemas.putIfAbsent(key(schema.id()), Objects.requireNonNull(schema, "schema"));
            if (previous != null && !previous.equals(schema)) {
                throw new IllegalArgumentException("schema " + schema.id() + " is already registered");
            }
            return this;
        }

        /** Registers a resource type, replacing one of the same name. */
        public Builder resourceType(ResourceType type) {
            resourceTypes.put(key(type.name()), Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Registers an extension schema and declares it on an already registered resource type. */
        public Builder extension(String resourceTypeName, Schema extension, boolean required) {
            ResourceType type = resourceTypes.get(key(resourceTypeName));
            if (type == null) {
                throw new IllegalArgumentException("no resource type named " + resourceTypeName);
            }
            schema(extension);
            return resourceType(type.withExtension(new SchemaExtension(extension.id(), required)));
        }

        /**
         * Builds the registry.
         *
         * @throws IllegalArgumentException if a resource type names an unregistered schema, or two
         *     resource types share an endpoint
         */
        public SchemaRegistry build() {
            List<String> endpoints = new ArrayList<>();
            for (ResourceType type : resourceTypes.values()) {
                requireSchema(type, type.schema());
                type.schemaExtensions().forEach(extension -> requireSchema(type, extension.schema()));
                String endpoint = key(type.endpoint());
                if (endpoints.contains(endpoint)) {
                    throw new IllegalArgumentException("two resource types are served at " + type.endpoint());
                }
                endpoints.add(endpoint);
            }
            return new SchemaRegistry(this);
        }

        private void requireSchema(ResourceType type, String urn) {
            if (!schemas.containsKey(key(urn))) {
                throw new IllegalArgumentException("resource type " + type.name() + " names unregistered schema " + urn);
            }
        }
    }
}
