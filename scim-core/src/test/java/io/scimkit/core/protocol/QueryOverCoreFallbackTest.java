package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.QueryFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The query contract over stores that can only list by index: the core filters, sorts and pages
 * by its own cursors (DESIGN.md §4).
 */
class QueryOverCoreFallbackTest extends QueryContract {
    private ScanOnlyStore users;
    private ScanOnlyStore groups;

    @Override
    GroupStore groupStore(Clock clock) {
        groups = new ScanOnlyStore();
        return groups;
    }

    @Override
    UserStore userStore(Clock clock) {
        users = new ScanOnlyStore();
        return users;
    }

    @Test
    void excludedMembersReachTheStoreSoItNeedNotLoadThem_K47() {
        ScimResource alice = fixture.user("alice");
        fixture.group(QueryFixture.TENANT, "Engineering", alice.id().orElseThrow());
        fixture.get("/Groups", "excludedAttributes=members&filter=displayName+eq+%22Engineering%22");
        StoreContext context = groups.searches().get(groups.searches().size() - 1);
        assertThat(context.projection().includes(AttributePath.of("members"))).isFalse();
    }

    @Test
    void filterOnAnExcludedAttributeReadsWholeResources() {
        ScimResource alice = fixture.user("alice");
        fixture.group(QueryFixture.TENANT, "Engineering", alice.id().orElseThrow());
        fixture.group(QueryFixture.TENANT, "Empty");
        JsonNode body = json(fixture.get("/Groups", "excludedAttributes=members&filter=members.value+eq+%22"
                + alice.id().orElseThrow() + "%22"));
        assertThat(body.get("totalResults").asInt()).isEqualTo(1);
        assertThat(body.get("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void coreFilterOnGroupsOfUsers() {
        ScimResource alice = fixture.user("alice");
        fixture.user("bob");
        ScimResource admins = fixture.group(QueryFixture.TENANT, "Admins", alice.id().orElseThrow());
        JsonNode body = json(fixture.get("/Users", "filter=groups.value+eq+%22" + admins.id().orElseThrow() + "%22"));
        assertThat(body.get("totalResults").asInt()).isEqualTo(1);
        assertThat(body.get("Resources").get(0).get("userName").asText()).isEqualTo("alice");
    }

    @Test
    void coreCursorExpiresAfterCursorTimeout() {
        sevenUsers();
        String cursor = json(fixture.get("/Users", "count=2&cursor")).get("nextCursor").asText();
        fixture.clock.advance(ServiceLimits.defaults().cursorTimeout().plus(Duration.ofSeconds(1)));
        var response = fixture.get("/Users", "count=2&cursor=" + cursor);
        assertThat(response.status()).isEqualTo(400);
        assertThat(scimType(response)).isEqualTo("expiredCursor");
    }

    @Test
    void coreCursorsOfOneServiceAreInvalidOnAnother() {
        sevenUsers();
        String cursor = json(fixture.get("/Users", "count=2&cursor")).get("nextCursor").asText();
        QueryFixture other = new QueryFixture(fixture.users, fixture.groups,
                io.scimkit.core.dialect.ClientDialect.lenient(), ServiceLimits.defaults(), fixture.clock);
        assertThat(scimType(other.get("/Users", "count=2&cursor=" + cursor))).isEqualTo("invalidCursor");
    }

    @Test
    void previousCursorLeadsBack_CPAG05() {
        sevenUsers();
        JsonNode first = json(fixture.get("/Users", "count=3&cursor"));
        JsonNode second = json(fixture.get("/Users", "count=3&cursor=" + first.get("nextCursor").asText()));
        JsonNode back = json(fixture.get("/Users", "count=3&cursor=" + second.get("previousCursor").asText()));
        assertThat(back.get("Resources")).isEqualTo(first.get("Resources"));
    }
}
