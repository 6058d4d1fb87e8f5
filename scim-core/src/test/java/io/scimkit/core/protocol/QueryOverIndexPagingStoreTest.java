package io.scimkit.core.protocol;

import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryGroupStore;
import io.scimkit.core.store.memory.InMemoryUserStore;
import java.time.Clock;

/**
 * The query contract over stores that filter and sort but page only by index: the core pages by
 * cursor on top of their index pages.
 */
class QueryOverIndexPagingStoreTest extends QueryContract {
    private InMemoryGroupStore groups;

    @Override
    GroupStore groupStore(Clock clock) {
        groups = InMemoryGroupStore.builder(QueryFixture.REGISTRY).clock(clock).build();
        return new LimitedStore(groups, true);
    }

    @Override
    UserStore userStore(Clock clock) {
        return new LimitedStore(InMemoryUserStore.builder(QueryFixture.REGISTRY).groups(groups).clock(clock).build(),
                true);
    }
}
