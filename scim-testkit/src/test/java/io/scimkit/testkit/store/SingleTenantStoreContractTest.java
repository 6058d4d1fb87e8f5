package io.scimkit.testkit.store;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreCapabilities;

/**
 * Single-tenant mode: a store that ignores the tenant passes when {@link #multiTenant()} returns
 * {@code false} and every {@link #createStores} call returns empty stores.
 */
class SingleTenantStoreContractTest extends StoreContract {

    @Override
    protected boolean multiTenant() {
        return false;
    }

    @Override
    protected ContractStores createStores(SchemaRegistry schemas, ContractOptions options) {
        return MinimalStores.create(StoreCapabilities.none(), true, options.uniqueExternalId(), MinimalStores.Flaw.NONE);
    }
}
