package io.scimkit.core.protocol;

import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.internal.StorableText;
import java.util.Objects;

/**
 * The authenticated caller of a request, as the adapter's authentication hook established it: the
 * tenant whose data it may touch (each Entra tenant provisions with its own Secret Token, mapped to
 * one tenant) and a display name for logs and audit (never the token). A tenant name is at most
 * {@link ServiceLimits#MAX_TENANT_LENGTH} characters, without U+0000 or unpaired surrogates, so
 * that every store can key its data by it.
 */
public record ScimPrincipal(String tenant, String name) {
    public ScimPrincipal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("a tenant is a non-empty name");
        }
        if (tenant.length() > ServiceLimits.MAX_TENANT_LENGTH || !StorableText.isStorable(tenant)) {
            // The authentication hook's own configuration, not client input: refused where it is made.
            throw new IllegalArgumentException("a tenant name has at most " + ServiceLimits.MAX_TENANT_LENGTH
                    + " characters and no U+0000 or unpaired surrogate");
        }
    }

    /** A principal of the single tenant of a single-tenant deployment. */
    public static ScimPrincipal of(String name) {
        return new ScimPrincipal(StoreContext.DEFAULT_TENANT, name);
    }
}
