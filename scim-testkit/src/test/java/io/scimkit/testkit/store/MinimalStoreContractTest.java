package io.scimkit.testkit.store;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreCapabilities;

/**
 * The contract suite passes a store that declares {@link StoreCapabilities#none()}: it only lists
 * every resource by index page in a stable order (and throws on any other query), keeps no
 * {@code schemas}, and repeats ids across tenants.
 */
class MinimalStoreContractTest extends StoreContract {

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        return MinimalStores.create(StoreCapabilities.none(), false, options.uniqueExternalId(),
                MinimalStores.Flaw.NONE);
    }
}
