package io.scimkit.testkit;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryStores;
import java.net.URI;
import java.util.function.UnaryOperator;

/** Services over fresh in-memory stores, optionally wrapped (for mutants), for the testkit's own tests. */
public final class TestServices {
    public static final URI BASE = URI.create("https://scim.example.test/scim/v2");

    private TestServices() {
    }

    public static ScimService inMemory(ClientDialect dialect) {
        return wrapped(dialect, users -> users, groups -> groups);
    }

    public static ScimService wrapped(ClientDialect dialect, UnaryOperator<UserStore> users, UnaryOperator<GroupStore> groups) {
        InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());
        return ScimService.builder().baseUri(BASE).dialect(dialect)
                .userStore(users.apply(stores.users()))
                .groupStore(groups.apply(stores.groups()))
                .build();
    }
}
