package io.scimkit.core.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A hard delete (RFC 7644 §3.6) as the core hands it to {@link ResourceStore#delete}: the id, and
 * the version an {@code If-Match} header demands ({@code null} when the client sent none). The core
 * removes a deleted resource from every group afterwards; a store need not do it itself.
 *
 * @param id the id of the resource to remove
 * @param expectedVersion the {@code meta.version} the resource must still have, or {@code null};
 *     compare it with {@link Versions#matches}
 */
public record ResourceDelete(String id, @Nullable String expectedVersion) {
    public ResourceDelete {
        Objects.requireNonNull(id, "id");
    }

    /** An unconditional delete. */
    public static ResourceDelete of(String id) {
        return new ResourceDelete(id, null);
    }
}
