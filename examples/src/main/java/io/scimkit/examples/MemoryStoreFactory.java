package io.scimkit.examples;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.util.Locale;

/**
 * {@code --store memory}: the core's in-memory stores, a user store and a group store over the same
 * data (a deleted user leaves its groups); data is lost on stop.
 */
final class MemoryStoreFactory implements StoreFactory {

    @Override
    public String syntax() {
        return "memory";
    }

    @Override
    public boolean accepts(String spec) {
        return spec.strip().toLowerCase(Locale.ROOT).equals("memory");
    }

    @Override
    public OpenedStores open(String spec, SchemaRegistry registry) {
        InMemoryStores stores = InMemoryStores.create(registry);
        return new OpenedStores(stores.users(), stores.groups(), "in memory (data is lost when the server stops)",
                () -> { });
    }
}
