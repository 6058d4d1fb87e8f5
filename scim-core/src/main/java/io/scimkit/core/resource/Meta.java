package io.scimkit.core.resource;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.core.value.ReferenceValue;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code meta} attribute of a resource (RFC 7643 §3.1): resource type, creation and
 * modification times, location and version (the weak ETag). Every part is optional because a
 * client-supplied or partial {@code meta} can be read; the service provider fills all of them.
 */
public record Meta(@Nullable String resourceType, @Nullable Instant created, @Nullable Instant lastModified,
        @Nullable String location, @Nullable String version) {

    /** Reads a {@code meta} complex value; parts of the wrong type are left out. */
    public static Meta from(ComplexValue meta) {
        return new Meta(text(meta.getOrNull("resourceType")), instant(meta.getOrNull("created")),
                instant(meta.getOrNull("lastModified")), text(meta.getOrNull("location")),
                text(meta.getOrNull("version")));
    }

    /** This {@code meta} as a complex value, in RFC 7643 §3.1 order, leaving out absent parts. */
    public ComplexValue toValue() {
        ComplexValue.Builder builder = ComplexValue.builder();
        if (resourceType != null) {
            builder.put("resourceType", resourceType);
        }
        if (created != null) {
            builder.put("created", DateTimeValue.of(created));
        }
        if (lastModified != null) {
            builder.put("lastModified", DateTimeValue.of(lastModified));
        }
        if (location != null) {
            builder.put("location", ReferenceValue.of(location));
        }
        if (version != null) {
            builder.put("version", version);
        }
        return builder.build();
    }

    /** The version, if any. */
    public Optional<String> versionTag() {
        return Optional.ofNullable(version);
    }

    private static @Nullable String text(@Nullable ScimValue value) {
        if (value instanceof StringValue string) {
            return string.value();
        }
        return value instanceof ReferenceValue reference ? reference.uri() : null;
    }

    private static @Nullable Instant instant(@Nullable ScimValue value) {
        if (value instanceof DateTimeValue dateTime) {
            return dateTime.instant();
        }
        return value instanceof StringValue string
                ? DateTimeValue.parse(string.value()).map(DateTimeValue::instant).orElse(null)
                : null;
    }
}
