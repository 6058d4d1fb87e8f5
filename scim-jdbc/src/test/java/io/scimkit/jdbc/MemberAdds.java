package io.scimkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
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
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.jdbc.schema.Dialect;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Entra's member adds on one database (issue 12): {@code PATCH /Groups/{id}} with 50 members in one
 * {@code Add} operation, each {@code "$ref": null}, onto an empty group and then onto the same group
 * holding 50. On PostgreSQL the members go in with one {@code INSERT} (arrays of their columns), on
 * H2 in a batch of one per member; on both, the group row is updated once and not read back, the
 * members keep the order given, and the answer's ETag is the one a later GET shows. Each instance
 * uses a fresh tenant, so runs can share a database.
 */
final class MemberAdds {
    static final int BATCH = 50;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json");

    private final StatementLog log;
    private final Dialect dialect;
    private final JdbcStores stores;
    private final ScimService service;
    private final ScimPrincipal principal = new ScimPrincipal("t-" + UUID.randomUUID(), "entra");

    MemberAdds(DataSource dataSource) {
        this.log = new StatementLog(dataSource);
        this.stores = JdbcStores.create(log.dataSource(), REGISTRY);
        this.dialect = stores.dialect();
        this.service = ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2")).schemas(REGISTRY)
                .userStore(stores.users()).groupStore(stores.groups()).build();
    }

    /** Two adds of {@value #BATCH} through the service: their statements, the order, versions and ETags. */
    void assertEntraAdds() {
        String group = createGroup("entra-" + UUID.randomUUID());
        List<String> ids = IntStream.range(0, 2 * BATCH).mapToObj(i -> "user-" + (2 * BATCH - i)).toList();
        for (int half = 0; half < 2; half++) {
            log.take();
            ScimResponse added = patch(group, ids.subList(half * BATCH, (half + 1) * BATCH));
            assertThat(added.status()).as(added.bodyText()).isEqualTo(204);
            List<String> statements = log.take().stream().map(e -> e.sql().toUpperCase(Locale.ROOT)).toList();
            assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO SCIM_MEMBER"))
                    .hasSize(dialect == Dialect.POSTGRESQL ? 1 : BATCH);
            assertThat(statements).as("the group row: read once before, updated once (returning what the answer needs)")
                    .filteredOn(sql -> sql.contains("SCIM_RESOURCE") && !sql.contains("SCIM_MEMBER")).hasSize(2);
            ScimResponse read = service.handle(ScimRequest.of("GET", "/Groups/" + group, principal));
            assertThat(added.headers().get("ETag")).isEqualTo("W/\"" + (half + 2) + "\"")
                    .isEqualTo(read.headers().get("ETag"));
            assertThat(read.bodyText()).contains("\"version\":\"W/\\\"" + (half + 2) + "\\\"\"");
            assertThat(memberIds(stored(group))).containsExactlyElementsOf(ids.subList(0, (half + 1) * BATCH));
        }
        log.take();
        ScimResponse again = patch(group, ids.subList(0, BATCH));
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.headers().get("ETag")).as("adding members the group has writes nothing").isEqualTo("W/\"3\"");
        assertThat(log.take()).noneMatch(e -> e.sql().toUpperCase(Locale.ROOT).startsWith("INSERT"));
    }

    /**
     * {@code addMembers} straight on the store: an id given twice and one the group has are added
     * once, as first given; {@code type}, {@code display} and {@code $ref} are kept; and more members
     * than one array holds go in chunks, in order.
     */
    void assertStoreAdds() {
        String group = createGroup("store-" + UUID.randomUUID());
        stores.groups().addMembers(context(), group, List.of(member("b", "User", "Bea", null)));
        stores.groups().addMembers(context(), group, List.of(member("a", null, "Al", "https://x.example/Users/a"),
                member("b", "Group", "Other", null), member("c", null, null, null), member("a", "Group", null, null)));
        List<ComplexValue> members = members(stored(group));
        assertThat(members).extracting(m -> text(m, "value")).containsExactly("b", "a", "c");
        assertThat(members.get(0)).satisfies(b -> {
            assertThat(text(b, "type")).isEqualTo("User");
            assertThat(text(b, "display")).isEqualTo("Bea");
        });
        assertThat(members.get(1).getOrNull("$ref")).isNotNull();
        assertThat(text(members.get(1), "type")).isNull();
        assertThat(members.get(2).attributes()).containsOnlyKeys("value");

        String large = createGroup("large-" + UUID.randomUUID());
        int count = MemberRows.ARRAY_CHUNK + 3;
        List<ComplexValue> many = IntStream.range(0, count).mapToObj(i -> member("m-" + (count - i), null, null, null))
                .toList();
        log.take();
        stores.groups().addMembers(context(), large, many);
        assertThat(log.take()).filteredOn(e -> e.sql().startsWith("INSERT INTO scim_member"))
                .hasSize(dialect == Dialect.POSTGRESQL ? 2 : count);
        assertThat(memberIds(stored(large))).containsExactlyElementsOf(many.stream().map(m -> text(m, "value")).toList());
    }

    private String createGroup(String name) {
        return stores.groups().create(context(), ResourceCreate.of(ScimResource.of(ComplexValue.builder()
                .put("displayName", name).build()))).id().orElseThrow();
    }

    private ScimResponse patch(String group, List<String> ids) {
        String values = ids.stream().map(id -> "{\"$ref\":null,\"value\":\"" + id + "\"}")
                .collect(Collectors.joining(","));
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\","
                + "\"path\":\"members\",\"value\":[" + values + "]}]}";
        return service.handle(ScimRequest.of("PATCH", "/Groups/" + group, principal).withHeaders(JSON)
                .withBody(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ScimResource stored(String group) {
        StoreContext withMembers = new StoreContext(principal.tenant(), "tester", GROUP, Projection.none(REGISTRY, GROUP),
                Instant.now());
        return stores.groups().get(withMembers, group).orElseThrow();
    }

    private StoreContext context() {
        return new StoreContext(principal.tenant(), "tester", GROUP, Projection.none(REGISTRY, GROUP), Instant.now());
    }

    private static ComplexValue member(String id, String type, String display, String ref) {
        ComplexValue.Builder member = ComplexValue.builder().put("value", id);
        if (type != null) {
            member.put("type", type);
        }
        if (display != null) {
            member.put("display", display);
        }
        if (ref != null) {
            member.put("$ref", ref);
        }
        return member.build();
    }

    private static List<ComplexValue> members(ScimResource group) {
        ScimValue members = group.body().getOrNull("members");
        List<ComplexValue> list = new ArrayList<>();
        if (members instanceof MultiValue multi) {
            multi.values().forEach(value -> list.add((ComplexValue) value));
        }
        return list;
    }

    private static List<String> memberIds(ScimResource group) {
        return members(group).stream().map(member -> text(member, "value")).toList();
    }

    private static String text(ComplexValue value, String name) {
        return value.getOrNull(name) instanceof StringValue text ? text.value() : null;
    }
}
