package io.scimkit.core.protocol;

import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 findings 5-7 on the in-memory store: the same table scim-jdbc replays on H2 and
 * PostgreSQL, so the three stores answer alike.
 */
class InputRulesTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final InMemoryStores STORES = InMemoryStores.create(REGISTRY);
    private static final ScimService SERVICE = ScimService.builder().baseUri(ScimTestClient.BASE).schemas(REGISTRY)
            .userStore(STORES.users()).groupStore(STORES.groups()).build();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimkit.core.protocol.InputRuleCases#cases")
    void everyStoreAnswersAlike(InputRuleCases.Case rule) {
        InputRuleCases.check(SERVICE, rule);
    }
}
