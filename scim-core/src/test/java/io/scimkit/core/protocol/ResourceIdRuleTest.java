package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resource ids are one URI path segment without percent-encoding (RFC 7644 §3.1 {@code /Users/{id}};
 * RFC 3986 §3.3), never containing {@code /}: the store-facing rule of {@code ResourceStore.create}.
 */
class ResourceIdRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"2819c223-7f76-453a-919d-413861904646", "42", "user@example.com", "a:b", "A_b.c~d",
        "x!$&'()*+,;=", "..a", ".searchable"})
    void idsThatRouteAreValid(String id) {
        assertThat(ResourceIds.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "/", "a%2Fb", "a b", "Zoë", "a?b", "a#b", "a\\b", ".", "..", ".search",
        ".SEARCH", "a\"b", "<a>"})
    void idsThatCannotRouteAreNot(String id) {
        assertThat(ResourceIds.isValid(id)).isFalse();
    }

    @Test
    void aStoreThatAssignsAnIdWithASlashGetsA500ThatSaysNothingInternal() {
        SchemaRegistry registry = SchemaRegistry.core();
        InMemoryStores stores = InMemoryStores.create(registry);
        ScimTestClient client = ScimTestClient.create(builder -> builder
                .userStore(new SlashIds(stores.users())).groupStore(stores.groups()));

        ScimTestClient.Reply reply = client.post("/Users", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"a\"}");

        reply.assertError(500, null);
        assertThat(reply.text()).doesNotContain("a/b").doesNotContain("ResourceStore").contains("error id");
    }

    /** A user store that prefixes every id it assigns with {@code a/}. */
    private record SlashIds(ResourceStore delegate) implements UserStore, ForwardingResourceStore {
        @Override
        public ScimResource create(StoreContext context, ResourceCreate resource) {
            return delegate.create(context, resource).withId("a/b");
        }
    }
}
