package io.scimkit.core.protocol;

import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryGroupStore;
import io.scimkit.core.store.memory.InMemoryUserStore;
import java.time.Clock;

/** The query contract over stores that filter but neither sort nor page by cursor: the core does both. */
class QueryOverFilteringStoreTest extends QueryContract {
    private InMemoryGroupStore groups;

    @Override
    GroupStore groupStore(Clock clock) {
        groups = InMemoryGroupStore.builder(QueryFixture.REGISTRY).clock(clock).build();
        return new LimitedStore(groups, false);
    }

    @Override
    UserStore userStore(Clock clock) {
        return new LimitedStore(InMemoryUserStore.builder(QueryFixture.REGISTRY).groups(groups).clock(clock).build(),
                false);
    }
}
