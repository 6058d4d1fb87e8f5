package io.scimkit.testkit.store;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreCapabilities;

/**
 * The contract suite passes a store that answers only Entra's lookups itself,
 * {@code StoreCapabilities.builder().lookups("userName", "externalId")}, and throws on any other
 * filter: the suite hands it no filter it declined.
 */
class LookupStoreContractTest extends StoreContract {

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        return MinimalStores.create(StoreCapabilities.builder().lookups("userName", "externalId").build(), false,
                options.uniqueExternalId(), MinimalStores.Flaw.NONE);
    }
}
