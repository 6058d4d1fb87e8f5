package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cursor walks over the JDBC store's two cursor kinds (RFC 9865 §2): keyset positions for sorts
 * on a column (text, boolean and dateTime columns, with missing values) and offsets for sorts in
 * Java; cursors of one store are read by another store on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCursorTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private HikariDataSource dataSource;
    private JdbcStores stores;

    @BeforeAll
    void createUsers() {
        dataSource = TestDatabases.h2Memory();
        stores = JdbcStores.create(dataSource, REGISTRY);
        // userName, title (sorted in Java), active (a column); u(i) is created i hours before T0.
        String[][] users = {{"u0", "\"b\"", "true"}, {"u1", null, "false"}, {"u2", "\"A\"", null},
            {"u3", "\"c\"", "true"}, {"u4", null, "false"}, {"u5", "\"a2\"", null}, {"u6", "\"B\"", "true"}};
        for (int i = 0; i < users.length; i++) {
            String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + users[i][0]
                    + "\"" + (users[i][1] == null ? "" : ",\"title\":" + users[i][1])
                    + (users[i][2] == null ? "" : ",\"active\":" + users[i][2]) + "}";
            ScimResource user = ResourceCodec.of(REGISTRY).read(json.getBytes(StandardCharsets.UTF_8), USER);
            stores.users().create(context(T0.minusSeconds(3600L * i)), ResourceCreate.of(user));
        }
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    private static StoreContext context(Instant time) {
        return new StoreContext(StoreContext.DEFAULT_TENANT, "test", USER, Projection.none(REGISTRY, USER), time);
    }

    private static Sort sort(String path, SortOrder order) {
        return new Sort(REGISTRY.resolve(USER, AttributePath.parse(path)).orElseThrow(), order);
    }

    private List<String> walk(JdbcStores first, JdbcStores rest, Sort sort, int count) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        JdbcStores store = first;
        do {
            StorePage page = store.users().search(context(T0), new StoreQuery(null, sort, new Paging.Cursor(cursor, count)));
            assertThat(page.totalResults()).isEqualTo(7);
            page.resources().forEach(user -> names.add(((StringValue) user.body().getOrNull("userName")).value()));
            cursor = page.nextCursor();
            store = rest;
        } while (cursor != null && names.size() <= 7);
        return names;
    }

    @Test
    void keysetWalksOverABooleanColumnWithMissingValues() {
        assertThat(walk(stores, stores, sort("active", SortOrder.ASCENDING), 2))
                .containsExactly("u1", "u4", "u0", "u3", "u6", "u2", "u5");
        assertThat(walk(stores, stores, sort("active", SortOrder.DESCENDING), 2))
                .containsExactly("u2", "u5", "u0", "u3", "u6", "u1", "u4");
    }

    @Test
    void keysetWalksOverTextAndDateTimeColumns() {
        assertThat(walk(stores, stores, sort("userName", SortOrder.DESCENDING), 3))
                .containsExactly("u6", "u5", "u4", "u3", "u2", "u1", "u0");
        assertThat(walk(stores, stores, sort("meta.created", SortOrder.ASCENDING), 3))
                .containsExactly("u6", "u5", "u4", "u3", "u2", "u1", "u0");
    }

    @Test
    void offsetWalksOverASortInJava() {
        // title is kept only in the JSON body: case-insensitive, missing values last, ties in creation order.
        assertThat(walk(stores, stores, sort("title", SortOrder.ASCENDING), 3))
                .containsExactly("u2", "u5", "u0", "u6", "u3", "u1", "u4");
        assertThat(walk(stores, stores, sort("title", SortOrder.DESCENDING), 4))
                .containsExactly("u1", "u4", "u3", "u0", "u6", "u5", "u2");
    }

    @Test
    void anotherStoreOnTheSameDatabaseContinuesTheWalk() {
        JdbcStores other = JdbcStores.create(dataSource, REGISTRY);
        assertThat(walk(stores, other, sort("active", SortOrder.ASCENDING), 3))
                .containsExactly("u1", "u4", "u0", "u3", "u6", "u2", "u5");
        assertThat(walk(stores, other, sort("title", SortOrder.ASCENDING), 3))
                .containsExactly("u2", "u5", "u0", "u6", "u3", "u1", "u4");
    }

    @Test
    void anotherCountIsInvalidCountAndAnotherSortInvalidCursor() {
        Sort byTitle = sort("title", SortOrder.ASCENDING);
        String cursor = stores.users().search(context(T0), new StoreQuery(null, byTitle, new Paging.Cursor(null, 2)))
                .nextCursor();
        assertThat(catchThrowableOfType(ScimException.class, () -> stores.users().search(context(T0),
                new StoreQuery(null, byTitle, new Paging.Cursor(cursor, 3)))).scimType())
                .contains(ScimErrorType.INVALID_COUNT);
        assertThat(catchThrowableOfType(ScimException.class, () -> stores.users().search(context(T0),
                new StoreQuery(null, sort("userName", SortOrder.ASCENDING), new Paging.Cursor(cursor, 2)))).scimType())
                .contains(ScimErrorType.INVALID_CURSOR);
    }
}
