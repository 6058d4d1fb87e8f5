package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * How the JDBC group store reads {@code members} through the service, on one database: a group's
 * GET is streamed in batches of {@link MemberBatches#BATCH}, and a projection or filter that does
 * not need members never reads member rows. Every statement the store prepares is recorded. Each
 * instance uses a fresh tenant, so runs can share a database.
 */
final class MemberReads {
    static final int MEMBERS = 2_500;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> statements = new CopyOnWriteArrayList<>();
    private final JdbcStores stores;
    private final ScimService service;
    private final ScimPrincipal principal = new ScimPrincipal("t-" + UUID.randomUUID(), "tester");
    final String groupId;

    MemberReads(DataSource dataSource) {
        this.stores = JdbcStores.create(recording(dataSource), REGISTRY);
        this.service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2")).schemas(REGISTRY)
                .userStore(stores.users()).groupStore(stores.groups()).build();
        StoreContext context = new StoreContext(principal.tenant(), "tester", GROUP, Projection.none(REGISTRY, GROUP),
                Instant.now());
        ScimResource big = stores.groups().create(context, ResourceCreate.of(ScimResource.of(ComplexValue.builder()
                .put("displayName", "big").build())));
        this.groupId = big.id().orElseThrow();
        List<ComplexValue> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(ComplexValue.builder().put("value", "m-" + i).put("display", "Member " + i).build());
        }
        stores.groups().addMembers(context, groupId, members);
        stores.groups().create(context, ResourceCreate.of(ScimResource.of(ComplexValue.builder()
                .put("displayName", "small").build())));
        statements.clear();
    }

    ScimResponse get(String path, String query) {
        return service.handle(ScimRequest.of("GET", path, principal).withQuery(query));
    }

    static String filter(String text) {
        return "filter=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode json(ScimResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Statements that read member rows themselves (not an {@code EXISTS} test inside a group query). */
    long memberRowReads() {
        return statements.stream().filter(sql -> sql.startsWith("SELECT member_id, member_type")
                || sql.startsWith("SELECT group_id, member_id")).count();
    }

    /** Checks a streamed GET: every member in order, read in batches. */
    void assertStreamedGet() {
        ScimResponse response = get("/Groups/" + groupId, "");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.isStreamed()).isTrue();
        statements.clear();
        JsonNode members = json(response).path("members");
        assertThat(members).hasSize(MEMBERS);
        assertThat(members.get(0).path("value").asText()).isEqualTo("m-0");
        assertThat(members.get(MEMBERS - 1).path("display").asText()).isEqualTo("Member " + (MEMBERS - 1));
        assertThat(memberRowReads()).isEqualTo((MEMBERS + MemberBatches.BATCH - 1) / MemberBatches.BATCH);
        assertThat(statements).noneMatch(sql -> sql.startsWith("SELECT group_id, member_id"));
    }

    /** Checks that projections and filters that do not need members read no member rows. */
    void assertNoMemberRowsWithoutMembers() {
        assertThat(json(get("/Groups/" + groupId, "excludedAttributes=members")).has("members")).isFalse();
        assertThat(json(get("/Groups/" + groupId, "attributes=displayName")).path("displayName").asText())
                .isEqualTo("big");
        assertThat(json(get("/Groups", "excludedAttributes=members")).path("totalResults").asInt()).isEqualTo(2);
        JsonNode byValue = json(get("/Groups", filter("members.value eq \"m-2400\"") + "&excludedAttributes=members"));
        assertThat(byValue.path("Resources").get(0).path("id").asText()).isEqualTo(groupId);
        assertThat(memberRowReads()).isZero();
        // members.value is an EXISTS in SQL, not a read of the member list.
        assertThat(statements).anyMatch(sql -> sql.contains("EXISTS") && sql.contains("scim_member"));
    }

    /** Checks that a member filter SQL cannot decide is walked in batches, never loaded for every group at once. */
    void assertDisplayFilterWalksMembers() {
        JsonNode found = json(get("/Groups", filter("members.display co \"Member 2499\"")
                + "&excludedAttributes=members&count=1"));
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(groupId);
        assertThat(statements).noneMatch(sql -> sql.startsWith("SELECT group_id, member_id"));
    }

    private DataSource recording(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return result instanceof Connection connection ? recording(connection) : result;
                });
    }

    private Connection recording(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.add((String) args[0]);
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
