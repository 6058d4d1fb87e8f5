package io.scimkit.examples.store;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts between SCIM User resources (RFC 7643 §4.1) and the application's {@link UserRow}s.
 * The attributes the application has columns for go to those columns; everything else is kept as
 * JSON in {@link UserRow#scimJson()}. {@code id} and {@code meta} are the store's, never the
 * client's.
 */
public final class UserRowMapping {
    private static final String[] COLUMN_ATTRIBUTES = {"userName", "externalId", "displayName", "active"};

    private final ResourceCodec codec;
    private final ResourceType userType;

    /** A mapping for the User resource type of these schemas. */
    public UserRowMapping(SchemaRegistry registry) {
        this.codec = ResourceCodec.of(registry);
        this.userType = registry.resourceType("User")
                .orElseThrow(() -> new IllegalArgumentException("the schemas have no User resource type"));
    }

    /**
     * The row for a resource the core validated (it has a {@code userName}, RFC 7643 §4.1.1).
     *
     * @throws ScimException invalidValue if {@code userName} is missing (the core never lets that happen)
     */
    public UserRow toRow(ScimResource resource, long rowNumber, String id, String tenant, long revision, Instant created,
            Instant modified) {
        String login = text(resource, "userName");
        if (login == null) {
            throw ScimException.invalidValue("userName is required");
        }
        ScimResource rest = resource.without("id").without("meta");
        for (String column : COLUMN_ATTRIBUTES) {
            rest = rest.without(column);
        }
        @Nullable Boolean enabled = resource.get("active").orElse(null) instanceof BooleanValue active
                ? active.value() : null;
        return new UserRow(rowNumber, id, tenant, login, text(resource, "externalId"), text(resource, "displayName"),
                workEmail(resource), enabled, new String(codec.write(rest), StandardCharsets.UTF_8), revision, created,
                modified);
    }

    /** The resource a row stands for, with {@code id} and {@code meta} (no {@code location}: the core adds it). */
    public ScimResource toResource(UserRow row) {
        ScimResource resource = codec.read(row.scimJson().getBytes(StandardCharsets.UTF_8), userType)
                .with("userName", StringValue.of(row.login()));
        if (row.externalReference() != null) {
            resource = resource.with("externalId", StringValue.of(row.externalReference()));
        }
        if (row.displayName() != null) {
            resource = resource.with("displayName", StringValue.of(row.displayName()));
        }
        if (row.enabled() != null) {
            resource = resource.with("active", BooleanValue.of(row.enabled()));
        }
        return resource.withId(row.id())
                .withMeta(new Meta("User", row.created(), row.modified(), null, row.versionTag()));
    }

    /** The work e-mail's value, else the primary one's, else none. */
    static @Nullable String workEmail(ScimResource resource) {
        if (!(resource.get("emails").orElse(null) instanceof MultiValue emails)) {
            return null;
        }
        String primary = null;
        for (ScimValue element : emails.values()) {
            if (element instanceof ComplexValue email && email.getOrNull("value") instanceof StringValue value) {
                if (email.getOrNull("type") instanceof StringValue type && type.value().equalsIgnoreCase("work")) {
                    return value.value();
                }
                if (primary == null && Objects.equals(email.getOrNull("primary"), BooleanValue.TRUE)) {
                    primary = value.value();
                }
            }
        }
        return primary;
    }

    private static @Nullable String text(ScimResource resource, String attribute) {
        return resource.get(attribute).orElse(null) instanceof StringValue value ? value.value() : null;
    }
}
