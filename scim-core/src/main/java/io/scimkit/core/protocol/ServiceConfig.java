package io.scimkit.core.protocol;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceStore;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@code ScimService} was built with, immutable: the base URI for {@code Location} and
 * {@code meta.location} (absolute, without query or fragment, so that every {@code location} is the
 * absolute URI RFC 7643 §3.1 asks for), schemas and resource types, one store per resource type
 * name (each wrapped in a {@link ManagedStore}), the client dialect, validation settings
 * (per-deployment required attributes, unknown-attribute policy), delete policy, PATCH response per
 * resource type, limits, the optional {@code /Me} resolver, whether the discovery endpoints
 * (RFC 7644 §4) are open to anonymous callers, the clock that stamps {@code meta}, and the
 * listeners told of every committed change, in registration order.
 *
 * <p>Package-private: the stores it holds are the core's, not the embedder's; {@code ScimService}
 * offers what an embedder may read (base URI, schemas, dialect, limits).
 */
record ServiceConfig(URI baseUri, SchemaRegistry registry, Map<String, ResourceStore> stores,
        ClientDialect dialect, ValidationSettings validation, DeletePolicy deletePolicy,
        Map<String, PatchResponse> patchResponses, ServiceLimits limits, @Nullable MeResolver meResolver,
        boolean anonymousDiscovery, Clock clock, List<ProvisioningListener> listeners) {

    ServiceConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(deletePolicy, "deletePolicy");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        listeners = List.copyOf(listeners);
        if (!baseUri.isAbsolute() || baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
            throw new IllegalArgumentException("the base URI must be absolute, without query or fragment: " + baseUri);
        }
        for (String name : Objects.requireNonNull(stores, "stores").keySet()) {
            if (registry.resourceType(name).isEmpty()) {
                throw new IllegalArgumentException("a store is registered for unknown resource type " + name);
            }
        }
        stores = java.util.Collections.unmodifiableMap(ManagedStore.manage(registry, caseInsensitive(stores)));
        patchResponses = caseInsensitive(patchResponses);
        for (var type : registry.resourceTypes()) {
            if (!stores.containsKey(type.name())) {
                throw new IllegalArgumentException("resource type " + type.name() + " has no store");
            }
        }
    }

    /** The store of a resource type. */
    ResourceStore store(String resourceTypeName) {
        ResourceStore store = stores.get(resourceTypeName);
        if (store == null) {
            throw new IllegalArgumentException("no store for " + resourceTypeName);
        }
        return store;
    }

    /** How PATCH answers for a resource type: by default 204 for Group, 200 with the resource otherwise. */
    PatchResponse patchResponse(String resourceTypeName) {
        return Optional.ofNullable(patchResponses.get(resourceTypeName))
                .orElse(resourceTypeName.equalsIgnoreCase("Group") ? PatchResponse.NO_CONTENT : PatchResponse.RESOURCE);
    }

    /** The {@code /Me} resolver, if configured. */
    Optional<MeResolver> me() {
        return Optional.ofNullable(meResolver);
    }

    private static <V> Map<String, V> caseInsensitive(Map<String, V> map) {
        TreeMap<String, V> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(Objects.requireNonNull(map));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
