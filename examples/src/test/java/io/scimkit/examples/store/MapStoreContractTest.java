package io.scimkit.examples.store;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.testkit.store.ContractOptions;
import io.scimkit.testkit.store.ContractStores;
import io.scimkit.testkit.store.StoreContract;

/** The scim-testkit store contract, run against the example's person and team stores. */
class MapStoreContractTest extends StoreContract {

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        boolean uniqueExternalId = options.uniqueExternalId();
        return new ContractStores(new PersonStore(uniqueExternalId), new TeamStore(uniqueExternalId));
    }
}
