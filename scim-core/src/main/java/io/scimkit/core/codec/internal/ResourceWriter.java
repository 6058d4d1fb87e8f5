package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a resource body (RFC 7643 §3) in a stable order: {@code schemas}, {@code id},
 * {@code externalId}, then the other members in body order ({@code meta} where it is), then the
 * extension objects (members keyed by a registered schema URN, §3.3) in body order. JSON member
 * order carries no meaning (RFC 7643 §2.3.8); a fixed order keeps responses readable and diffable.
 */
public final class ResourceWriter {
    private static final List<String> LEADING = List.of("schemas", "id", "externalId");

    private final SchemaRegistry registry;

    public ResourceWriter(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * The elements of one multi-valued attribute that are written as a source hands them over (a
     * group's {@code members} read from the store), so that they are never all in memory.
     */
    @FunctionalInterface
    public interface ElementSource {
        /** Hands every element to the action, in order. */
        void forEach(Consumer<ComplexValue> action);
    }

    /**
     * Writes a body with a streamed attribute ({@link #write(JsonGenerator, ComplexValue, String,
     * ElementSource)}) to a stream, which is flushed but not closed. A failure leaves the JSON
     * unterminated: nothing closes the open objects, so a reader never takes a cut body for a whole one.
     */
    public void write(OutputStream out, ComplexValue body, String streamedName, ElementSource source)
            throws IOException {
        JsonGenerator generator = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        write(generator, body, streamedName, source);
        generator.close();
    }

    public void write(JsonGenerator generator, ComplexValue body) throws IOException {
        write(generator, body, null, null);
    }

    /**
     * Writes a body plus one streamed attribute, placed before {@code meta} (or after the other core
     * attributes when there is no {@code meta}) and left out when the source has no element
     * (unassigned, RFC 7643 §2.5). The body must not hold that attribute itself.
     */
    public void write(JsonGenerator generator, ComplexValue body, @Nullable String streamedName,
            @Nullable ElementSource source) throws IOException {
        ValueWriter values = new ValueWriter(generator);
        boolean streamed = streamedName == null || source == null;
        generator.writeStartObject();
        for (String leading : LEADING) {
            String stored = body.storedName(leading).orElse(null);
            if (stored != null) {
                values.writeMember(stored, body.attributes().get(stored));
            }
        }
        List<Map.Entry<String, ScimValue>> extensions = new ArrayList<>();
        for (Map.Entry<String, ScimValue> member : body.attributes().entrySet()) {
            if (isLeading(member.getKey())) {
                continue;
            }
            if (isExtensionObject(member.getKey(), member.getValue())) {
                extensions.add(member);
            } else {
                if (!streamed && member.getKey().equalsIgnoreCase("meta")) {
                    writeStreamed(generator, values, streamedName, source);
                    streamed = true;
                }
                values.writeMember(member.getKey(), member.getValue());
            }
        }
        if (!streamed) {
            writeStreamed(generator, values, streamedName, source);
        }
        for (Map.Entry<String, ScimValue> extension : extensions) {
            values.writeMember(extension.getKey(), extension.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeStreamed(JsonGenerator generator, ValueWriter values, String name, ElementSource source)
            throws IOException {
        boolean[] started = {false};
        try {
            source.forEach(element -> {
                try {
                    if (!started[0]) {
                        generator.writeFieldName(name);
                        generator.writeStartArray();
                        started[0] = true;
                    }
                    values.write(element);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        if (started[0]) {
            generator.writeEndArray();
        }
    }

    private static boolean isLeading(String name) {
        for (String leading : LEADING) {
            if (leading.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean isExtensionObject(String name, @Nullable ScimValue value) {
        return value instanceof ComplexValue && name.regionMatches(true, 0, "urn:", 0, 4)
                && registry.schema(name).isPresent();
    }
}
