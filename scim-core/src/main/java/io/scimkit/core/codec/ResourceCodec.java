package io.scimkit.core.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.scimkit.core.codec.internal.Documents;
import io.scimkit.core.codec.internal.ExactBytes;
import io.scimkit.core.codec.internal.JsonFactories;
import io.scimkit.core.codec.internal.ParseErrors;
import io.scimkit.core.codec.internal.ResourceReader;
import io.scimkit.core.codec.internal.ResourceWriter;
import io.scimkit.core.codec.internal.ValueReader;
import io.scimkit.core.codec.internal.ValueWriter;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ScimValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes SCIM resources as JSON (RFC 7643 §3; RFC 7644 §3.1, {@code application/scim+json}
 * in UTF-8), resolving attribute names against a {@link SchemaRegistry}.
 *
 * <p>Reading:
 * <ul>
 *   <li>the body must be exactly one JSON object; malformed or truncated JSON, invalid UTF-8,
 *       nesting deeper than 64 levels, overlong tokens, and a member name that occurs twice in one
 *       object (in any case: names are case-insensitive, RFC 7643 §2.1) are {@code invalidSyntax};
 *   <li>attribute names, sub-attribute names and extension URNs are matched without regard to case
 *       and stored in their schema's canonical spelling ({@code UserName} becomes {@code userName};
 *       Entra quirk Q8 in {@code docs/entra-quirks.md}); unknown members are kept with their name and untyped values;
 *   <li>values are typed by their definitions but never coerced: what a client sent is what a
 *       validator sees, and what the server writes back.
 * </ul>
 *
 * <p>Writing produces compact UTF-8 JSON with {@code schemas}, {@code id} and {@code externalId}
 * first and extension objects last, leaving out members that are {@code null} or an empty array
 * (unassigned, RFC 7643 §2.5). For bodies the codec read, writing and reading again gives the
 * same resource.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceCodec {
    private final SchemaRegistry registry;
    private final ResourceWriter writer;

    private ResourceCodec(SchemaRegistry registry) {
        this.registry = registry;
        this.writer = new ResourceWriter(registry);
    }

    /** A codec resolving names against this registry. */
    public static ResourceCodec of(SchemaRegistry registry) {
        return new ResourceCodec(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Reads a resource body of the given type (RFC 7643 §3).
     *
     * @param type a resource type registered in this codec's registry
     * @throws ScimException {@code invalidSyntax} if the body is not one well-formed JSON object
     *     within the limits, or {@code invalidValue} for a number beyond any representable range
     */
    public ScimResource read(byte[] json, ResourceType type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        ResourceReader reader = new ResourceReader(registry, type);
        try (JsonParser parser = JsonFactories.FACTORY.createParser(json)) {
            return reader.read(parser);
        } catch (IOException failure) {
            throw ParseErrors.of(failure);
        }
    }

    /**
     * Reads any JSON value without a schema: strings, numbers, booleans, null, objects and arrays
     * become the matching untyped {@link ScimValue}s; member names are kept as sent.
     *
     * @throws ScimException {@code invalidSyntax} if the body is not one well-formed JSON value
     */
    public ScimValue readValue(byte[] json) {
        return readValueDocument(json, null);
    }

    /**
     * Reads a JSON value as the value of an attribute (RFC 7643 §2.3), typed as a resource body's
     * value of that attribute would be; for example the {@code value} of a PATCH operation
     * (RFC 7644 §3.5.2). An array is read element by element with the definition.
     *
     * @throws ScimException {@code invalidSyntax} if the body is not one well-formed JSON value
     */
    public ScimValue readValue(byte[] json, AttributeDefinition definition) {
        return readValueDocument(json, Objects.requireNonNull(definition, "definition"));
    }

    /** Writes a resource as compact UTF-8 JSON. */
    public byte[] write(ScimResource resource) {
        ExactBytes out = new ExactBytes();
        write(resource, out);
        return out.toByteArray();
    }

    /**
     * Writes a resource as compact UTF-8 JSON to a stream, which is flushed but not closed.
     *
     * @throws UncheckedIOException if the stream fails
     * @throws IllegalArgumentException if the resource nests deeper than the writer allows
     */
    public void write(ScimResource resource, OutputStream out) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator generator = createGenerator(out)) {
            writer.write(generator, resource.body());
        } catch (StreamConstraintsException tooDeep) {
            throw new IllegalArgumentException("the resource nests deeper than "
                    + JsonFactories.MAX_WRITE_NESTING_DEPTH + " levels", tooDeep);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Writes any value as compact UTF-8 JSON; a top-level {@code null} is written as {@code null}. */
    public byte[] writeValue(ScimValue value) {
        Objects.requireNonNull(value, "value");
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = createGenerator(out)) {
            new ValueWriter(generator).write(value);
        } catch (StreamConstraintsException tooDeep) {
            throw new IllegalArgumentException("the value nests deeper than "
                    + JsonFactories.MAX_WRITE_NESTING_DEPTH + " levels", tooDeep);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    private static JsonGenerator createGenerator(OutputStream out) throws IOException {
        JsonGenerator generator = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return generator;
    }

    private static ScimValue readValueDocument(byte[] json, @Nullable AttributeDefinition definition) {
        Objects.requireNonNull(json, "json");
        try (JsonParser parser = JsonFactories.FACTORY.createParser(json)) {
            Documents.requireStart(parser);
            ScimValue value = ValueReader.read(parser, definition);
            Documents.requireEnd(parser);
            return value;
        } catch (IOException failure) {
            throw ParseErrors.of(failure);
        }
    }
}
