package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.QueryFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryGroupStore;
import io.scimkit.core.store.memory.InMemoryUserStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The query contract over the in-memory stores, which filter, sort and page by cursor themselves:
 * the core only validates and renders, and the store's RFC 9865 errors reach the client.
 */
class QueryOverMemoryStoreTest extends QueryContract {
    private InMemoryGroupStore groups;

    @Override
    GroupStore groupStore(Clock clock) {
        groups = InMemoryGroupStore.builder(QueryFixture.REGISTRY).clock(clock).build();
        return groups;
    }

    @Override
    UserStore userStore(Clock clock) {
        return InMemoryUserStore.builder(QueryFixture.REGISTRY).groups(groups).clock(clock).build();
    }

    @Test
    void storeCursorExpiresAfterItsTimeout() {
        sevenUsers();
        String cursor = json(fixture.get("/Users", "count=2&cursor")).get("nextCursor").asText();
        fixture.clock.advance(Duration.ofMinutes(10).plus(Duration.ofSeconds(1)));
        ScimResponse response = fixture.get("/Users", "count=2&cursor=" + cursor);
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("expiredCursor");
    }
}
