package io.scimkit.core.protocol;

import io.scimkit.core.store.StoreContext;
import java.util.Objects;

/**
 * The authenticated caller of a request, as the adapter's authentication hook established it: the
 * tenant whose data it may touch (each Entra tenant provisions with its own Secret Token, mapped to
 * one tenant) and a display name for logs and audit (never the token).
 */
public record ScimPrincipal(String tenant, String name) {
    public ScimPrincipal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("a tenant is a non-empty name");
        }
    }

    /** A principal of the single tenant of a single-tenant deployment. */
    public static ScimPrincipal of(String name) {
        return new ScimPrincipal(StoreContext.DEFAULT_TENANT, name);
    }
}
