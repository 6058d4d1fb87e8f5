package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.ENTERPRISE_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.Versions;
import io.scimkit.core.store.memory.InMemoryGroupStore;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the core does for a store that does as little as the SPI allows: a user store that keeps
 * no {@code schemas}, answers only {@code userName eq} and {@code externalId eq} and lists
 * everything by index page, and knows nothing of groups. The core fills {@code schemas}, narrows an
 * {@code and} to the part the store declared, filters the rest itself, and removes a deleted user
 * from its groups with the group's version changed.
 */
class MinimalStoreTest {
    private final SchemaRegistry registry = SchemaRegistry.core();
    private MinimalUserStore users;
    private ScimTestClient client;

    @BeforeEach
    void setUp() {
        users = new MinimalUserStore();
        InMemoryGroupStore groups = InMemoryGroupStore.builder(registry).build();
        ScimService service = ScimService.builder().baseUri(ScimTestClient.BASE).schemas(registry)
                .userStore(users).groupStore(groups).build();
        client = new ScimTestClient(service, InMemoryStores.create(registry), ScimPrincipal.of("minimal"));
    }

    @Test
    void theCoreFillsSchemasTheStoreDoesNotKeep() {
        ScimTestClient.Reply created = client.post("/Users", "{\"schemas\":[\"" + USER_URN + "\",\"" + ENTERPRISE_URN
                + "\"],\"userName\":\"bjensen\",\"" + ENTERPRISE_URN + "\":{\"department\":\"Sales\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(users.stored.values()).allSatisfy(resource -> assertThat(resource.body().getOrNull("schemas")).isNull());
        ScimTestClient.Reply read = client.get("/Users/" + created.id());
        assertThat(read.json().path("schemas").toString()).isEqualTo("[\"" + USER_URN + "\",\"" + ENTERPRISE_URN + "\"]");
        assertThat(read.json().path("meta").path("location").asText()).endsWith("/Users/" + created.id());
    }

    @Test
    void theStoreNeverSeesIdMetaOrAFilterItDidNotDeclare() {
        client.createUser("bjensen");
        client.createUser("alice");
        assertThat(users.created).allSatisfy(body -> {
            assertThat(body.body().getOrNull("id")).isNull();
            assertThat(body.body().getOrNull("meta")).isNull();
        });

        ScimTestClient.Reply lookup = client.send("GET", "/Users", "filter=userName+eq+%22BJENSEN%22+and+active+pr", null);
        assertThat(lookup.status()).as(lookup.text()).isEqualTo(200);
        assertThat(lookup.json().path("totalResults").asInt()).isZero();
        assertThat(users.filters).containsExactly("userName eq \"BJENSEN\"");

        users.filters.clear();
        ScimTestClient.Reply scan = client.send("GET", "/Users", "filter=userName+co+%22jen%22", null);
        assertThat(scan.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(scan.json().path("Resources").get(0).path("userName").asText()).isEqualTo("bjensen");
        assertThat(users.filters).as("a filter the store did not declare: the store lists everything").containsOnly("");
    }

    @Test
    void deletingAUserRemovesItFromItsGroupsAndChangesTheirVersion() {
        String alice = client.createUser("alice");
        String bob = client.createUser("bob");
        String group = client.createGroup("team", alice, bob);
        String before = client.get("/Groups/" + group).etag();

        assertThat(client.delete("/Users/" + alice).status()).isEqualTo(204);

        ScimTestClient.Reply after = client.get("/Groups/" + group);
        assertThat(after.memberIds()).containsExactly(bob);
        assertThat(after.etag()).isNotEqualTo(before);
    }

    @Test
    void aStoreThatReturnsAResourceWithoutIdIsA500WithAnErrorId() {
        String id = client.createUser("bjensen");
        users.stored.computeIfPresent(id, (key, resource) -> resource.without("id"));
        ScimTestClient.Reply read = client.get("/Users/" + id);
        assertThat(read.status()).isEqualTo(500);
        assertThat(read.json().path("detail").asText()).contains("error id");
    }

    /** A user store over a map, with the least the SPI asks for. */
    static final class MinimalUserStore implements UserStore {
        final Map<String, ScimResource> stored = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<ScimResource> created = Collections.synchronizedList(new ArrayList<>());
        final List<String> filters = Collections.synchronizedList(new ArrayList<>());
        private long revision;

        @Override
        public StoreCapabilities capabilities() {
            return StoreCapabilities.builder().lookups("userName", "externalId").build();
        }

        @Override
        public synchronized ScimResource create(StoreContext context, ResourceCreate resource) {
            created.add(resource.body());
            String userName = text(resource.body(), "userName");
            for (ScimResource other : stored.values()) {
                if (IndexKey.fold(text(other, "userName")).equals(IndexKey.fold(userName))) {
                    throw ScimException.uniqueness("userName is taken");
                }
            }
            String id = "u" + stored.size();
            ScimResource row = resource.body().without("schemas").withId(id).withMeta(new Meta(null,
                    context.requestTime(), context.requestTime(), null, Versions.weak(++revision)));
            stored.put(id, row);
            return row;
        }

        @Override
        public Optional<ScimResource> get(StoreContext context, String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public synchronized StorePage search(StoreContext context, StoreQuery query) {
            Filter filter = query.filter();
            filters.add(filter == null ? "" : filter.toString());
            List<ScimResource> matches = new ArrayList<>();
            for (ScimResource resource : stored.values()) {
                if (filter == null || matches(filter, resource)) {
                    matches.add(resource);
                }
            }
            return StorePage.slice(matches, (Paging.Index) query.paging());
        }

        private static boolean matches(Filter filter, ScimResource resource) {
            ComparisonFilter lookup = (ComparisonFilter) filter;
            String value = text(resource, lookup.path().attribute());
            String wanted = ((StringValue) lookup.value()).value();
            return lookup.path().attribute().equalsIgnoreCase("userName")
                    ? IndexKey.fold(value).equals(IndexKey.fold(wanted)) : value.equals(wanted);
        }

        private static String text(ScimResource resource, String attribute) {
            return resource.body().getOrNull(attribute) instanceof StringValue text ? text.value() : "";
        }

        @Override
        public synchronized ScimResource update(StoreContext context, ResourceUpdate update) {
            ScimResource current = get(context, update.id()).orElseThrow(() -> ScimException.notFound(update.id()));
            Meta meta = current.meta().orElseThrow();
            Versions.requireMatch(meta.version(), update.expectedVersion(), "User " + update.id());
            ScimResource body = update.body() == null ? current : update.body();
            ScimResource row = body.without("schemas").withId(update.id()).withMeta(new Meta(null, meta.created(),
                    context.requestTime(), null, Versions.weak(++revision)));
            stored.put(update.id(), row);
            return row;
        }

        @Override
        public synchronized void delete(StoreContext context, ResourceDelete delete) {
            ScimResource current = get(context, delete.id()).orElseThrow(() -> ScimException.notFound(delete.id()));
            Versions.requireMatch(current.meta().orElseThrow().version(), delete.expectedVersion(), "User " + delete.id());
            stored.remove(delete.id());
        }
    }
}
