package io.scimkit.core.resource;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM resource (RFC 7643 §3): one JSON object whose members are {@code schemas}, the common
 * attributes {@code id}, {@code externalId} and {@code meta}, the base schema's attributes at the
 * top level, and one object per schema extension keyed by its URN (§3.3).
 *
 * <p>The body is held exactly as the codec read it (canonical attribute names, the client's order
 * and values), so a resource reads back as it was written. Immutable and thread-safe; the
 * {@code with...} methods return changed copies.
 */
public record ScimResource(ComplexValue body) {
    public ScimResource {
        Objects.requireNonNull(body, "body");
    }

    /** The resource holding this body. */
    public static ScimResource of(ComplexValue body) {
        return new ScimResource(body);
    }

    /** The {@code schemas} URIs, in order; empty if absent. */
    public List<String> schemas() {
        ScimValue value = body.getOrNull("schemas");
        List<String> uris = new ArrayList<>();
        if (value instanceof MultiValue multi) {
            for (ScimValue element : multi.values()) {
                textOf(element).ifPresent(uris::add);
            }
        }
        return List.copyOf(uris);
    }

    /** The service provider's {@code id}, if assigned. */
    public Optional<String> id() {
        return textOf(body.getOrNull("id"));
    }

    /** The client's {@code externalId}, if any. */
    public Optional<String> externalId() {
        return textOf(body.getOrNull("externalId"));
    }

    /** The {@code meta} attribute, if present. */
    public Optional<Meta> meta() {
        ScimValue value = body.getOrNull("meta");
        return value instanceof ComplexValue complex ? Optional.of(Meta.from(complex)) : Optional.empty();
    }

    /** The value of a top-level member (attribute or extension object), ignoring case. */
    public Optional<ScimValue> get(String name) {
        return body.find(name);
    }

    /** A copy with {@code schemas} set to these URIs. */
    public ScimResource withSchemas(List<String> uris) {
        List<ScimValue> values = new ArrayList<>();
        uris.forEach(uri -> values.add(ReferenceValue.of(uri)));
        return new ScimResource(body.with("schemas", MultiValue.of(values)));
    }

    /** A copy with this {@code id}. */
    public ScimResource withId(String id) {
        return new ScimResource(body.with("id", StringValue.of(id)));
    }

    /** A copy with this {@code meta}. */
    public ScimResource withMeta(Meta meta) {
        return new ScimResource(body.with("meta", meta.toValue()));
    }

    /** A copy with a top-level member set. */
    public ScimResource with(String name, ScimValue value) {
        return new ScimResource(body.with(name, value));
    }

    /** A copy without a top-level member. */
    public ScimResource without(String name) {
        return new ScimResource(body.without(name));
    }

    private static Optional<String> textOf(@Nullable ScimValue value) {
        if (value instanceof StringValue string) {
            return Optional.of(string.value());
        }
        return value instanceof ReferenceValue reference ? Optional.of(reference.uri()) : Optional.empty();
    }
}
