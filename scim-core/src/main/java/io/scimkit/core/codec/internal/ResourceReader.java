package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a resource body (RFC 7643 §3) for one resource type.
 *
 * <p>Each top-level member is, in this order of lookup: an extension object keyed by one of the
 * type's extension URNs (§3.3), stored under the registered URN spelling and read against the
 * extension schema; a common or base-schema attribute (§3.1), stored under its canonical name; or
 * an unknown member, kept under its own name and read untyped (Entra ID sends such members, quirk
 * Q12 in {@code docs/entra-quirks.md}, and validation decides about them). The URIs in {@code schemas} that name a registered schema
 * get its registered spelling. Member order is kept.
 */
public final class ResourceReader {
    private static final String SCHEMAS = "schemas";

    private final SchemaRegistry registry;
    private final ResourceType type;

    public ResourceReader(SchemaRegistry registry, ResourceType type) {
        this.registry = registry;
        this.type = type;
    }

    /** Reads the whole document: exactly one JSON object. */
    public ScimResource read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw ScimException.invalidSyntax("The request body is empty; a SCIM resource is a JSON object.");
        }
        if (first != JsonToken.START_OBJECT) {
            throw ParseErrors.at(parser, "The request body must be a JSON object");
        }
        MemberNames seen = new MemberNames();
        ComplexValue.Builder body = ComplexValue.builder();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = ValueReader.memberName(parser, token);
            seen.add(parser, name);
            parser.nextToken();
            readMember(parser, name, body);
        }
        Documents.requireEnd(parser);
        return ScimResource.of(body.build());
    }

    private void readMember(JsonParser parser, String name, ComplexValue.Builder body) throws IOException {
        Optional<Schema> extension = registry.extensionSchema(type, name);
        if (extension.isPresent()) {
            Schema schema = extension.get();
            ScimValue value = parser.currentToken() == JsonToken.START_OBJECT
                    ? ValueReader.readObject(parser, schema::attribute)
                    : ValueReader.read(parser, null);
            body.put(schema.id(), value);
            return;
        }
        AttributeDefinition definition = attribute(name);
        if (definition == null) {
            body.put(name, ValueReader.read(parser, null));
            return;
        }
        ScimValue value = ValueReader.read(parser, definition);
        body.put(definition.name(), definition.name().equals(SCHEMAS) ? canonicalSchemas(value) : value);
    }

    /** The common or base-schema attribute of this top-level name, if it names one. */
    private @Nullable AttributeDefinition attribute(String name) {
        if (!AttributePath.isAttributeName(name)) {
            return null;
        }
        return registry.resolve(type, AttributePath.of(name)).map(ResolvedAttribute::attribute).orElse(null);
    }

    /** {@code schemas} with every URI that names a registered schema in its registered spelling. */
    private ScimValue canonicalSchemas(ScimValue value) {
        if (value instanceof ReferenceValue reference) {
            return canonicalUri(reference);
        }
        if (!(value instanceof MultiValue multi)) {
            return value;
        }
        List<ScimValue> uris = new ArrayList<>(multi.size());
        for (ScimValue element : multi.values()) {
            uris.add(element instanceof ReferenceValue reference ? canonicalUri(reference) : element);
        }
        return MultiValue.of(uris);
    }

    private ReferenceValue canonicalUri(ReferenceValue reference) {
        return registry.schema(reference.uri())
                .filter(schema -> !schema.id().equals(reference.uri()))
                .map(schema -> ReferenceValue.of(schema.id()))
                .orElse(reference);
    }
}
