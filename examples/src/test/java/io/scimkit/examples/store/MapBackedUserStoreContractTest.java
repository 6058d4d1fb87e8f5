package io.scimkit.examples.store;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryGroupStore;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;

/**
 * The scim-testkit store contract run against the example store: the map-backed users, with the
 * core's in-memory groups (the example only replaces the user store). Sorting and cursor tests are
 * skipped because the store leaves both to the core ({@code capabilities()}).
 */
class MapBackedUserStoreContractTest extends StoreContract {

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        InMemoryGroupStore groups = InMemoryGroupStore.builder(schemas).uniqueExternalId(options.uniqueExternalId())
                .build();
        return new ContractStores(new MapBackedUserStore(schemas, options.uniqueExternalId(), groups), groups);
    }
}
