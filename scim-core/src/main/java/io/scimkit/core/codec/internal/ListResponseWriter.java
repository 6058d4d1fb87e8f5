package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.scimkit.core.message.internal.ListResponse;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes a {@link ListResponse} (RFC 7644 §3.4.2; RFC 9865 §2) as compact UTF-8 JSON:
 * {@code schemas} ({@code urn:ietf:params:scim:api:messages:2.0:ListResponse}), {@code totalResults},
 * {@code itemsPerPage}, then {@code startIndex} in index mode or {@code nextCursor} /
 * {@code previousCursor} in cursor mode (only those that exist), and {@code Resources}.
 *
 * <p>{@code Resources} is always written, as {@code []} when the page is empty, and
 * {@code itemsPerPage} and (in index mode) {@code startIndex} are always written too, also for
 * {@code count=0}. The RFC only requires {@code Resources} when there are results, but clients disagree on whether a missing {@code Resources} means
 * "no match", and an explicit empty array satisfies all of them (Entra's Test Connection expects
 * it). Each resource is written as the resource codec writes it; projection is the caller's job.
 *
 * <p>Immutable and thread-safe.
 */
public final class ListResponseWriter {
    private final ResourceWriter resources;

    private ListResponseWriter(SchemaRegistry registry) {
        this.resources = new ResourceWriter(registry);
    }

    /** A writer that orders each resource's members by this registry's schemas. */
    public static ListResponseWriter of(SchemaRegistry registry) {
        return new ListResponseWriter(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * The JSON body of a list response.
     *
     * @throws IllegalArgumentException if a resource nests deeper than the writer allows
     */
    public byte[] write(ListResponse response) {
        Objects.requireNonNull(response, "response");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 512 * response.itemsPerPage());
        try (JsonGenerator json = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("schemas");
            json.writeString(ListResponse.LIST_RESPONSE_URN);
            json.writeEndArray();
            json.writeNumberField("totalResults", response.totalResults());
            json.writeNumberField("itemsPerPage", response.itemsPerPage());
            if (response.startIndex() != null) {
                json.writeNumberField("startIndex", response.startIndex());
            }
            if (response.nextCursor() != null) {
                json.writeStringField("nextCursor", response.nextCursor());
            }
            if (response.previousCursor() != null) {
                json.writeStringField("previousCursor", response.previousCursor());
            }
            json.writeArrayFieldStart("Resources");
            for (ScimResource resource : response.resources()) {
                resources.write(json, resource.body());
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (StreamConstraintsException tooDeep) {
            throw new IllegalArgumentException("a resource nests deeper than "
                    + JsonFactories.MAX_WRITE_NESTING_DEPTH + " levels", tooDeep);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }
}
