package io.scimkit.core.store.memory;

import io.scimkit.core.resource.Meta;
import io.scimkit.core.value.ComplexValue;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored resource: its id, its creation sequence in the tenant (the default order and the
 * keyset of unsorted cursors), the body as clients see it ({@code id} and {@code meta} included,
 * {@code members} kept apart in the member table), and the version. Replaced as a whole on every
 * write, so readers never see a half-written resource.
 */
record StoredEntry(String id, long sequence, ComplexValue body, Instant created, String version) {
    StoredEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The entry for a body without {@code meta}: stamps {@code meta} (RFC 7643 §3.1) with the
     * resource type, the times and the version, after the other attributes.
     */
    static StoredEntry of(String id, long sequence, ComplexValue body, Instant created, Instant lastModified,
            String version, String resourceType) {
        Meta meta = new Meta(resourceType, created, lastModified, null, version);
        return new StoredEntry(id, sequence, body.without("meta").with("meta", meta.toValue()), created, version);
    }
}
