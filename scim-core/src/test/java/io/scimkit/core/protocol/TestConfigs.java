package io.scimkit.core.protocol;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.memory.InMemoryResourceStore;
import io.scimkit.core.store.memory.InMemoryStores;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ServiceConfig}s for tests that drive the package's classes below {@code ScimService}
 * (which keeps its configuration to itself): the builder's defaults over the given stores.
 */
final class TestConfigs {
    private TestConfigs() {
    }

    /** The default configuration over these stores, with {@link ScimTestClient#BASE} as base URI. */
    static ServiceConfig of(SchemaRegistry registry, Map<String, ResourceStore> stores) {
        return new ServiceConfig(ScimTestClient.BASE, registry, stores, ClientDialect.lenient(),
                ValidationSettings.rfc(), DeletePolicy.HARD, Map.of(), ServiceLimits.defaults(), null, true,
                Clock.systemUTC(), List.of());
    }

    /** The default configuration over fresh in-memory stores for every resource type of the registry. */
    static ServiceConfig inMemory(SchemaRegistry registry) {
        InMemoryStores stores = InMemoryStores.create(registry);
        Map<String, ResourceStore> byType = new LinkedHashMap<>();
        registry.resourceTypes().forEach(type -> byType.put(type.name(), switch (type.name()) {
            case "User" -> stores.users();
            case "Group" -> stores.groups();
            default -> InMemoryResourceStore.builder(registry, type.name()).build();
        }));
        return of(registry, byType);
    }
}
