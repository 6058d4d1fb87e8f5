package io.scimkit.core.dialect;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a POST or PUT body (RFC 7643 §3, RFC 7644 §3.3, §3.5.1) by the rules switched on:
 * client {@code meta} dropped (Q13), unknown {@code schemas} URIs dropped (Q14), null members
 * dropped (Q12), extension attributes sent at the top level moved into their extension (Q12),
 * an empty manager left out (Q9), and the value rules of {@link ValueNormalizer}. The Entra ID
 * quirks are described in {@code docs/entra-quirks.md}. One instance per call.
 */
final class BodyNormalizer {
    private static final String SCHEMAS = "schemas";
    private static final String META = "meta";

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final Firings firings;
    private final ValueNormalizer values;

    BodyNormalizer(SchemaRegistry registry, ResourceType type, Firings firings) {
        this.registry = registry;
        this.type = type;
        this.firings = firings;
        this.values = new ValueNormalizer(firings, true);
    }

    ScimResource normalize(ScimResource resource) {
        ComplexValue body = resource.body();
        ComplexValue.Builder out = ComplexValue.builder();
        Map<String, ComplexValue> moved = new LinkedHashMap<>();
        for (Map.Entry<String, ScimValue> member : body.attributes().entrySet()) {
            String name = member.getKey();
            ScimValue value = member.getValue();
            if (value instanceof NullValue && firings.on(DialectRule.BODY_NULLS_IGNORED)) {
                firings.fire(DialectRule.BODY_NULLS_IGNORED);
            } else if (name.equalsIgnoreCase(META) && firings.on(DialectRule.CLIENT_META_IGNORED)) {
                firings.fire(DialectRule.CLIENT_META_IGNORED);
            } else if (name.equalsIgnoreCase(SCHEMAS)) {
                out.put(name, schemas(value));
            } else {
                member(name, value, out, moved);
            }
        }
        ComplexValue normalized = out.build();
        for (Map.Entry<String, ComplexValue> extension : moved.entrySet()) {
            normalized = mergeMoved(normalized, extension.getKey(), extension.getValue());
        }
        return ScimResource.of(normalized);
    }

    private void member(String name, ScimValue value, ComplexValue.Builder out, Map<String, ComplexValue> moved) {
        Optional<Schema> extension = registry.extensionSchema(type, name);
        if (extension.isPresent()) {
            out.put(name, value instanceof ComplexValue object ? extensionObject(object, extension.get()) : value);
            return;
        }
        Optional<AttributeDefinition> definition = AttributePath.isAttributeName(name)
                ? registry.resolve(type, AttributePath.of(name)).map(ResolvedAttribute::attribute)
                : Optional.empty();
        if (definition.isPresent()) {
            if (!emptyManager(value, definition.get())) {
                out.put(name, values.attribute(value, definition.get()));
            }
            return;
        }
        Optional<Schema> home = misplacedIn(name);
        if (home.isPresent()) {
            firings.fire(DialectRule.MISPLACED_EXTENSION_ATTRIBUTES);
            ComplexValue sofar = moved.getOrDefault(home.get().id(), ComplexValue.EMPTY);
            moved.put(home.get().id(), sofar.with(name, value));
            return;
        }
        out.put(name, value);
    }

    private ComplexValue extensionObject(ComplexValue object, Schema schema) {
        ComplexValue.Builder members = ComplexValue.builder();
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            ScimValue value = member.getValue();
            if (value instanceof NullValue && firings.on(DialectRule.BODY_NULLS_IGNORED)) {
                firings.fire(DialectRule.BODY_NULLS_IGNORED);
                continue;
            }
            Optional<AttributeDefinition> definition = schema.attribute(member.getKey());
            if (definition.isEmpty()) {
                members.put(member.getKey(), value);
            } else if (!emptyManager(value, definition.get())) {
                members.put(member.getKey(), values.attribute(value, definition.get()));
            }
        }
        return members.build();
    }

    /** Q9 in a body: a manager without a reference is treated as not sent. */
    private boolean emptyManager(ScimValue value, AttributeDefinition definition) {
        if (firings.on(DialectRule.MANAGER_EMPTY_REMOVES) && ValueNormalizer.isEmptyReference(value, definition)
                && !(value instanceof NullValue)) {
            firings.fire(DialectRule.MANAGER_EMPTY_REMOVES);
            return true;
        }
        return false;
    }

    /** Q14: keeps the base schema, the type's extensions and anything that is not a URI string. */
    private ScimValue schemas(ScimValue value) {
        if (!(value instanceof MultiValue multi) || !firings.on(DialectRule.UNKNOWN_SCHEMA_URIS_DROPPED)) {
            return value;
        }
        List<ScimValue> kept = new ArrayList<>(multi.size());
        for (ScimValue element : multi.values()) {
            Optional<String> uri = uri(element);
            if (uri.isPresent() && !uri.get().equalsIgnoreCase(type.schema()) && type.extension(uri.get()).isEmpty()) {
                firings.fire(DialectRule.UNKNOWN_SCHEMA_URIS_DROPPED);
            } else {
                kept.add(element);
            }
        }
        return kept.size() == multi.size() ? value : MultiValue.of(kept);
    }

    /** The extension whose schema alone defines this top-level name, if the rule is on. */
    private Optional<Schema> misplacedIn(String name) {
        if (!firings.on(DialectRule.MISPLACED_EXTENSION_ATTRIBUTES)) {
            return Optional.empty();
        }
        return PathKeys.onlyExtensionDefining(registry, type, name);
    }

    /**
     * Adds moved attributes to their extension object (creating it, and listing its URN in
     * {@code schemas}, if absent). A value already inside the extension object wins.
     */
    private ComplexValue mergeMoved(ComplexValue body, String urn, ComplexValue movedMembers) {
        Schema schema = registry.schema(urn).orElseThrow();
        String key = body.storedName(urn).orElse(urn);
        ScimValue existing = body.getOrNull(key);
        ComplexValue target = existing instanceof ComplexValue object ? object : ComplexValue.EMPTY;
        if (existing != null && !(existing instanceof ComplexValue)) {
            return body;
        }
        for (Map.Entry<String, ScimValue> member : movedMembers.attributes().entrySet()) {
            if (target.getOrNull(member.getKey()) == null) {
                target = target.with(member.getKey(), member.getValue());
            }
        }
        ComplexValue result = body.with(key, extensionObject(target, schema));
        ScimValue listed = result.getOrNull(SCHEMAS);
        if (listed instanceof MultiValue multi && multi.values().stream()
                .noneMatch(element -> uri(element).map(urn::equalsIgnoreCase).orElse(false))) {
            List<ScimValue> uris = new ArrayList<>(multi.values());
            uris.add(ReferenceValue.of(urn));
            result = result.with(SCHEMAS, MultiValue.of(uris));
        }
        return result;
    }

    private static Optional<String> uri(ScimValue value) {
        if (value instanceof ReferenceValue reference) {
            return Optional.of(reference.uri());
        }
        return value instanceof StringValue string ? Optional.of(string.value()) : Optional.empty();
    }
}
