package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One atomic write to an existing resource (PUT, PATCH, soft delete): compare-and-swap on
 * {@code expectedVersion} (the {@code meta.version} the change was computed from; {@code null}
 * skips the check), then the new body (without {@code members} for groups; {@code null} keeps the
 * body) and the member delta, all or nothing. The store stamps a new version and
 * {@code meta.lastModified}.
 */
public record ResourceUpdate(String id, @Nullable String expectedVersion, @Nullable ScimResource body,
        MemberChanges members) {
    public ResourceUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(members, "members");
    }
}
