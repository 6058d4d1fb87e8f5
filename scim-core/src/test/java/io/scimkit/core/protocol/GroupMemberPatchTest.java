package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.BASE;
import static io.scimkit.core.protocol.ScimTestClient.GROUP_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.ScimService;
import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.patch.PatchResult;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.memory.InMemoryStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group member PATCHes (RFC 7644 §3.5.2, RFC 7643 §4.2) cost O(change) (DESIGN.md §4) and keep
 * the PATCH engine's semantics: a recording store shows that the members are never loaded for the
 * forms a delta expresses, and a seeded generator of member operations checks the end state against
 * the engine applied to the whole group (the oracle), in both presets.
 */
class GroupMemberPatchTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    private static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();
    private static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);

    private final Fixture fixture = new Fixture(ClientDialect.lenient());
    private final RecordingGroupStore groups = fixture.groups;
    private final ScimTestClient client = fixture.client;

    /** A service whose group store records what it is asked. */
    private static final class Fixture {
        final RecordingGroupStore groups;
        final ScimTestClient client;

        Fixture(ClientDialect dialect) {
            InMemoryStores stores = InMemoryStores.create(REGISTRY);
            this.groups = new RecordingGroupStore(stores.groups());
            ScimService service = ScimService.builder().baseUri(BASE).userStore(stores.users()).groupStore(groups)
                    .dialect(dialect).build();
            this.client = new ScimTestClient(service, stores, ScimPrincipal.of("members"));
        }

        String bigGroup(int size) {
            String[] ids = new String[size];
            for (int i = 0; i < size; i++) {
                ids[i] = "m" + i;
            }
            return client.createGroup("Big", ids);
        }
    }

    private String bigGroup(int size) {
        return fixture.bigGroup(size);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"new1\"},{\"value\":\"new2\"}]}",
        "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"new1\"}]}",
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"m3\\\"]\"}",
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"m3\\\" or value eq \\\"m4\\\"]\"}",
        "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"m5\"}]}",
        "{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"new3\"}]}}",
        "{\"op\":\"replace\",\"value\":{\"displayName\":\"Renamed\",\"members\":[{\"value\":\"x\"}]}}",
        "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"only\"}]}",
        "{\"op\":\"replace\",\"path\":\"urn:ietf:params:scim:schemas:core:2.0:Group:members\",\"value\":[{\"value\":\"only\"}]}",
        "{\"op\":\"remove\",\"path\":\"members\"}"})
    void memberOperationsNeverLoadTheMembers(String operation) {
        String group = bigGroup(40);
        groups.reset();

        Reply reply = client.patch("/Groups/" + group, patchOp(operation));

        assertThat(reply.status()).as(reply.text()).isEqualTo(204);
        assertThat(groups.loadsWithMembers.get()).isZero();
        assertThat(groups.updates).hasSize(1);
        ResourceUpdate update = groups.updates.get(0);
        assertThat(update.members().isEmpty()).isFalse();
        assertThat(update.body() == null || update.body().get("members").isEmpty()).isTrue();
    }

    @Test
    void memberOnlyDeltaIsWrittenWithoutBodyOrVersionCheck() {
        String group = bigGroup(3);
        groups.reset();

        client.patch("/Groups/" + group, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"n\"}]}"));

        ResourceUpdate update = groups.updates.get(0);
        assertThat(update.body()).isNull();
        assertThat(update.expectedVersion()).isNull();
        assertThat(update.members().added()).hasSize(1);
        assertThat(client.get("/Groups/" + group).memberIds()).containsExactlyInAnyOrder("m0", "m1", "m2", "n");
    }

    @Test
    void pPatAdd07_08_addingAnExistingMemberOrRemovingANonMemberWritesNothing() {
        String group = bigGroup(3);
        String etag = client.get("/Groups/" + group).etag();
        groups.reset();

        assertThat(client.patch("/Groups/" + group, patchOp(
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"m1\",\"display\":\"other\"}]}",
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"nobody\\\"]\"}",
                "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"ghost\"}]}")).status()).isEqualTo(204);

        assertThat(groups.updates).isEmpty();
        assertThat(groups.loadsWithMembers.get()).isZero();
        assertThat(client.get("/Groups/" + group).etag()).isEqualTo(etag);
    }

    @Test
    void pPatRem09_q4RemoveWithValueListNeverEmptiesTheGroup() {
        String group = bigGroup(3);

        client.patch("/Groups/" + group, patchOp("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"m1\"}]}"));

        assertThat(client.get("/Groups/" + group).memberIds()).containsExactlyInAnyOrder("m0", "m2");
    }

    @Test
    void pPatRem09_strictQ4IsInvalidValueAndChangesNothing() {
        Fixture strict = new Fixture(ClientDialect.strict());
        String group = strict.bigGroup(3);

        strict.client.patch("/Groups/" + group, patchOp(
                "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"m1\"}]}")).assertError(400, "invalidValue");

        assertThat(strict.client.get("/Groups/" + group).memberIds()).containsExactlyInAnyOrder("m0", "m1", "m2");
    }

    @Test
    void entra18d_addAndRemoveTheSameMemberInOneRequestEndsWithout() {
        String group = client.createGroup("G", "keep");

        client.patch("/Groups/" + group, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}",
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}"));

        assertThat(client.get("/Groups/" + group).memberIds()).containsExactly("keep");
    }

    @Test
    void filtersTheDeltaCannotExpressFallBackToTheWholeGroup() {
        Reply created = client.post("/Groups", """
                {"schemas":["%s"],"displayName":"Mixed","members":[{"value":"u1","type":"User"},
                 {"value":"g1","type":"Group"},{"value":"u2","type":"User"}]}""".formatted(GROUP_URN));
        String group = created.id();
        groups.reset();

        client.patch("/Groups/" + group, patchOp("{\"op\":\"remove\",\"path\":\"members[type eq \\\"User\\\"]\"}"));

        assertThat(groups.loadsWithMembers.get()).isPositive();
        assertThat(groups.updates.get(0).members().replaceAll()).isTrue();
        assertThat(client.get("/Groups/" + group).memberIds()).containsExactly("g1");

        client.patch("/Groups/" + group, patchOp(
                "{\"op\":\"add\",\"path\":\"members[value eq \\\"g1\\\"].display\",\"value\":\"Nested\"}"));
        JsonNode member = client.get("/Groups/" + group).json().path("members").get(0);
        assertThat(member.path("value").asText()).isEqualTo("g1");
        assertThat(member.path("display").asText()).isEqualTo("Nested");
    }

    @Test
    void memberWithoutValueIs400InvalidValue() {
        String group = bigGroup(2);
        client.patch("/Groups/" + group, patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"x\"}]}"))
                .assertError(400, "invalidValue");
        assertThat(client.get("/Groups/" + group).memberIds()).hasSize(2);
    }

    // ---- Oracle: the service agrees with the PATCH engine applied to the whole group ----

    @Test
    void lenientServiceAgreesWithTheEngineOnRandomMemberPatches() {
        agreeWithEngine(new Fixture(ClientDialect.lenient()).client, ClientDialect.lenient(), 20240611L, 250);
    }

    @Test
    void strictServiceAgreesWithTheEngineOnRandomMemberPatches() {
        agreeWithEngine(new Fixture(ClientDialect.strict()).client, ClientDialect.strict(), 77L, 150);
    }

    private static void agreeWithEngine(ScimTestClient client, ClientDialect dialect, long seed, int cases) {
        Random random = new Random(seed);
        PatchEngine engine = PatchEngine.of(REGISTRY, GROUP, dialect.patchSettings());
        for (int n = 0; n < cases; n++) {
            String group = createRandomGroup(client, random, "G" + n);
            Reply before = client.get("/Groups/" + group);
            List<String> operations = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                operations.add(randomOperation(random, n, i));
            }
            String body = patchOp(operations.toArray(String[]::new));
            String context = "case " + n + ": " + body + " on " + before.text();

            ScimResource whole = CODEC.read(before.text().getBytes(UTF_8), GROUP);
            PatchRequest request = dialect.normalizePatch(PatchRequestCodec.read(body.getBytes(UTF_8)), GROUP, REGISTRY);
            PatchResult expected;
            try {
                expected = engine.apply(whole, request);
            } catch (ScimException failure) {
                Reply reply = client.patch("/Groups/" + group, body);
                reply.assertError(failure.status(), failure.scimType().map(ScimErrorType::token).orElse(null));
                assertThat(client.get("/Groups/" + group).etag()).as(context).isEqualTo(before.etag());
                continue;
            }
            Reply reply = client.patch("/Groups/" + group, body);
            assertThat(reply.status()).as(context + " -> " + reply.text()).isEqualTo(204);
            Reply after = client.get("/Groups/" + group);
            JsonNode expectedJson = ScimTestClient.json(new String(CODEC.write(expected.resource()), UTF_8));
            assertThat(members(after.json())).as(context).isEqualTo(members(expectedJson));
            assertThat(after.json().path("displayName")).as(context).isEqualTo(expectedJson.path("displayName"));
            if (expected.changed()) {
                assertThat(after.etag()).as(context).isNotEqualTo(before.etag());
            } else if (!body.contains("emove") && !body.contains("eplace")) {
                assertThat(after.etag()).as(context).isEqualTo(before.etag());
            }
        }
    }

    private static String createRandomGroup(ScimTestClient client, Random random, String name) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"m").append(i).append('"');
            if (random.nextBoolean()) {
                members.append(",\"type\":\"").append(random.nextBoolean() ? "User" : "Group").append('"');
            }
            if (random.nextInt(3) == 0) {
                members.append(",\"display\":\"D").append(i).append('"');
            }
            members.append('}');
        }
        Reply reply = client.post("/Groups", "{\"schemas\":[\"" + GROUP_URN + "\"],\"displayName\":\"" + name
                + "\",\"members\":[" + members + "]}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.id();
    }

    private static String randomOperation(Random random, int n, int i) {
        String a = id(random);
        String b = id(random);
        return switch (random.nextInt(14)) {
            case 0, 1 -> "{\"op\":\"add\",\"path\":\"members\",\"value\":" + elements(random) + "}";
            case 2 -> "{\"op\":\"Add\",\"path\":\"members\",\"value\":" + elements(random) + "}";
            case 3 -> "{\"op\":\"replace\",\"path\":\"members\",\"value\":" + elements(random) + "}";
            case 4 -> "{\"op\":\"remove\",\"path\":\"members\"}";
            case 5 -> "{\"op\":\"remove\",\"path\":\"members\",\"value\":" + elements(random) + "}";
            case 6 -> "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}";
            case 7 -> "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\" or value eq \\\"" + b + "\\\"]\"}";
            case 8 -> "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"R" + n + "-" + i + "\"}";
            case 9 -> "{\"op\":\"add\",\"value\":{\"members\":" + elements(random) + "}}";
            case 10 -> "{\"op\":\"replace\",\"value\":{\"displayName\":\"P" + n + "-" + i + "\",\"members\":"
                    + elements(random) + "}}";
            case 11 -> "{\"op\":\"remove\",\"path\":\"members[type eq \\\"User\\\"]\"}";
            case 12 -> "{\"op\":\"replace\",\"path\":\"members[value eq \\\"" + a + "\\\"]\",\"value\":{\"value\":\""
                    + a + "\"}}";
            default -> "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"].display\"}";
        };
    }

    private static String id(Random random) {
        return "m" + random.nextInt(8);
    }

    private static String elements(Random random) {
        StringBuilder json = new StringBuilder("[");
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":\"").append(id(random)).append('"');
            if (random.nextInt(4) == 0) {
                json.append(",\"display\":\"X\"");
            }
            json.append('}');
        }
        return json.append(']').toString();
    }

    /** Members as value -> the rest of the element, order ignored (stores keep their own order). */
    private static Map<String, String> members(JsonNode group) {
        Map<String, String> members = new TreeMap<>();
        group.path("members").forEach(member -> members.merge(member.path("value").asText(),
                member.path("type").asText("") + "|" + member.path("display").asText(""), (x, y) -> x + "&" + y));
        return members;
    }
}
