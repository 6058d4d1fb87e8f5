package io.scimkit.testkit.memory;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;

/** The store contract run against the in-memory reference stores (linked, so K-64 holds). */
class InMemoryStoreContractTest extends StoreContract {

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        InMemoryStores stores = InMemoryStores.create(schemas, options.uniqueExternalId());
        return new ContractStores(stores.users(), stores.groups());
    }
}
