package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.resource.Projection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entra's member PATCHes on H2 (issue 11, finding 2): the rows the database reads to add or remove
 * members do not depend on how many members the group already has, nor those to delete a member
 * user on how many users the tenant has. Measured by the plans
 * ({@link StatementLog}: H2's {@code scanCount} of every statement the store ran), not by time.
 */
class MemberPatchCostTest {
    private static final ScimPrincipal ENTRA = ScimPrincipal.of("entra");
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json");
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";
    private static final int SMALL = 20;
    private static final int LARGE = 4_000;
    private static final int CHANGE = 25;

    private HikariDataSource database;
    private StatementLog log;
    private JdbcStores stores;
    private ScimService service;
    private String group;
    private int nextMember;

    @BeforeEach
    void createGroup() {
        database = TestDatabases.h2Memory();
        log = new StatementLog(database);
        stores = JdbcStores.create(log.dataSource(), SchemaRegistry.core());
        service = ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2"))
                .userStore(stores.users()).groupStore(stores.groups()).build();
        ScimResponse created = service.handle(ScimRequest.of("POST", "/Groups", ENTRA).withHeaders(JSON).withBody(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"All employees\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).isEqualTo(201);
        group = created.bodyText().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        grow(SMALL);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void addingMembersReadsAsManyRowsInALargeGroupAsInASmallOne() throws Exception {
        Work small = add(CHANGE);
        grow(LARGE - SMALL);
        Work large = add(CHANGE);
        assertThat(large.statements()).isEqualTo(small.statements());
        assertThat(large.rows()).as("rows read adding %d members to %d members, vs. to %d", CHANGE, LARGE, SMALL)
                .isLessThanOrEqualTo(small.rows() + CHANGE);
    }

    @Test
    void removingMembersByFilterOrByValueReadsAsManyRowsInALargeGroupAsInASmallOne() throws Exception {
        Work smallByFilter = removeByFilter();
        Work smallByValue = removeByValue();
        grow(LARGE - SMALL);
        Work largeByFilter = removeByFilter();
        Work largeByValue = removeByValue();
        assertThat(largeByFilter.rows()).as("members[value eq ...] in a group of %d, vs. of %d", LARGE, SMALL)
                .isLessThanOrEqualTo(smallByFilter.rows() + CHANGE);
        assertThat(largeByValue.rows()).as("a value list in a group of %d, vs. of %d", LARGE, SMALL)
                .isLessThanOrEqualTo(smallByValue.rows() + CHANGE);
    }

    @Test
    void deletingAUserReadsAsManyRowsInALargeTenantAsInASmallOne() throws Exception {
        Work small = deleteMemberUser();
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO scim_resource (tenant, resource_type, id, version, created, last_modified,"
                    + " body) SELECT '" + StoreContext.DEFAULT_TENANT + "', 'User', 'bulk-' || X, 1, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP, '{}' FROM SYSTEM_RANGE(1, " + LARGE + ")");
        }
        Work large = deleteMemberUser();
        assertThat(large.rows()).as("rows read deleting a member user in a tenant of %d users, vs. of 1", LARGE)
                .isLessThanOrEqualTo(small.rows() + CHANGE);
    }

    /** The statements one request ran and the rows they read. */
    private record Work(int statements, long rows) {
    }

    private Work add(int count) throws Exception {
        List<String> ids = fresh(count);
        String values = ids.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
        Work work = patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + values + "]}");
        assertThat(stores.groups().membersAmong(context(), group, java.util.Set.copyOf(ids))).hasSize(count);
        return work;
    }

    private Work removeByFilter() throws Exception {
        String id = grow(1).get(0);
        Work work = patch("{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}");
        assertThat(stores.groups().membersAmong(context(), group, java.util.Set.of(id))).isEmpty();
        return work;
    }

    private Work removeByValue() throws Exception {
        List<String> ids = grow(CHANGE);
        String values = ids.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
        Work work = patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[" + values + "]}");
        assertThat(stores.groups().membersAmong(context(), group, java.util.Set.copyOf(ids))).isEmpty();
        return work;
    }

    /** Creates a user, adds it to the group, deletes it (RFC 7644 §3.6); the work of the delete. */
    private Work deleteMemberUser() throws Exception {
        ScimResponse created = service.handle(ScimRequest.of("POST", "/Users", ENTRA).withHeaders(JSON).withBody(
                ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + fresh(1).get(0)
                        + "@example.com\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
        String user = created.bodyText().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        stores.groups().addMembers(context(), group, List.of(ComplexValue.builder().put("value", user).build()));
        log.take();
        ScimResponse deleted = service.handle(ScimRequest.of("DELETE", "/Users/" + user, ENTRA));
        assertThat(deleted.status()).as(deleted.bodyText()).isEqualTo(204);
        assertThat(stores.groups().membersAmong(context(), group, java.util.Set.of(user))).isEmpty();
        List<StatementLog.Execution> executions = log.take();
        return new Work(executions.size(), log.rowsScanned(executions));
    }

    private Work patch(String operation) throws Exception {
        log.take();
        ScimResponse response = service.handle(ScimRequest.of("PATCH", "/Groups/" + group, ENTRA).withHeaders(JSON)
                .withBody((PATCH_OP + "\"Operations\":[" + operation + "]}").getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.bodyText()).isEqualTo(204);
        List<StatementLog.Execution> executions = log.take();
        return new Work(executions.size(), log.rowsScanned(executions));
    }

    /** Adds this many new members through the store (not measured); returns their ids. */
    private List<String> grow(int count) {
        List<String> ids = fresh(count);
        List<ComplexValue> members = new ArrayList<>();
        ids.forEach(id -> members.add(ComplexValue.builder().put("value", id).build()));
        stores.groups().addMembers(context(), group, members);
        log.take();
        return ids;
    }

    private List<String> fresh(int count) {
        return IntStream.range(0, count).mapToObj(i -> "user-" + nextMember++).toList();
    }

    private StoreContext context() {
        SchemaRegistry registry = SchemaRegistry.core();
        var type = registry.resourceType("Group").orElseThrow();
        return new StoreContext(StoreContext.DEFAULT_TENANT, "test", type, Projection.none(registry, type),
                Instant.now());
    }
}
