package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.ENTERPRISE_URN;
import static io.scimkit.core.protocol.ScimTestClient.GROUP_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.EntraSamples.Sample;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Entra ID's provisioning sequence (ENTRA-PROVISIONING.md §2.2-§2.9) replayed with the bodies of
 * entra-samples/*.http through the service: the lenient preset accepts every request and ends in
 * the documented state; the strict preset answers each quirky request with the precise RFC error
 * (the same as EntraQuirksTest's golden table) and stores nothing, and accepts the RFC-valid ones.
 */
class EntraSequenceTest {
    private static final Map<String, Sample> SAMPLES = EntraSamples.all();
    private static final String ALICE = "u-7c1e2a";
    private static final String BOB = "u-3f9b10";
    private static final String DAVE = "u-8d2b33";
    private static final String GROUP = "g-51d0aa";

    /** A service with alice (05a), bob, dave and the Engineering group with the given members. */
    private static final class Tenant {
        final ScimTestClient client;
        final Map<String, String> ids = new HashMap<>();

        Tenant(ClientDialect dialect, String... memberPlaceholders) {
            client = ScimTestClient.create(dialect);
            Reply alice = client.post("/Users", SAMPLES.get("05a").body());
            assertThat(alice.status()).as(alice.text()).isEqualTo(201);
            ids.put(ALICE, alice.id());
            ids.put(BOB, user("bob@contoso.example", "bob"));
            ids.put(DAVE, user("dave@contoso.example", "dave"));
            StringBuilder members = new StringBuilder();
            for (String placeholder : memberPlaceholders) {
                members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(ids.get(placeholder))
                        .append("\"}");
            }
            Reply group = client.post("/Groups", "{\"schemas\":[\"" + GROUP_URN + "\"],\"externalId\":\"e-1\","
                    + "\"displayName\":\"Engineering\",\"members\":[" + members + "]}");
            assertThat(group.status()).as(group.text()).isEqualTo(201);
            ids.put(GROUP, group.id());
        }

        private String user(String userName, String externalId) {
            return client.post("/Users", "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"" + userName
                    + "\",\"externalId\":\"" + externalId + "\"}").id();
        }

        Reply send(String sampleId) {
            return SAMPLES.get(sampleId).with(ids).send(client);
        }

        Reply send(String sampleId, int expectedStatus) {
            Reply reply = send(sampleId);
            assertThat(reply.status()).as(sampleId + ": " + reply.text()).isEqualTo(expectedStatus);
            return reply;
        }

        JsonNode alice() {
            return client.get("/Users/" + ids.get(ALICE)).json();
        }

        Reply group() {
            return client.get("/Groups/" + ids.get(GROUP));
        }

        String id(String placeholder) {
            return ids.get(placeholder);
        }
    }

    @Test
    void lenientPresetReplaysTheWholeUserLifecycle() {
        Tenant tenant = new Tenant(ClientDialect.lenient());
        String alice = tenant.id(ALICE);
        String bob = tenant.id(BOB);

        // 2.2.2 create: 05a above; the legacy body shape (Q12) is accepted too.
        JsonNode carol = tenant.send("05b", 201).json();
        assertThat(carol.path(ENTERPRISE_URN).isMissingNode()).isTrue();
        assertThat(carol.path("emails").get(0).path("value").asText()).isEqualTo("carol@contoso.example");
        tenant.send("22a").assertError(409, "uniqueness");

        // 2.9 GET by id
        JsonNode read = tenant.send("06a", 200).json();
        assertThat(read.path("userName").asText()).isEqualTo("alice@contoso.example");
        assertThat(read.path(ENTERPRISE_URN).path("employeeNumber").asText()).isEqualTo("100234");
        tenant.send("06b").assertError(404, null);

        // 2.2.4 manager, in every shape (Q9); always returned as {"value": ...}
        for (String sample : new String[] {"07a", "07b", "07c", "07d"}) {
            tenant.send(sample, 200);
            assertThat(tenant.alice().path(ENTERPRISE_URN).path("manager").path("value").asText()).as(sample)
                    .isEqualTo(bob);
        }
        tenant.send("07e", 200);
        assertThat(tenant.alice().path(ENTERPRISE_URN).has("manager")).isFalse();
        tenant.send("07d", 200);
        tenant.send("07f", 200);
        assertThat(tenant.alice().path(ENTERPRISE_URN).has("manager")).isFalse();

        // 2.4 updates, default dialect (capitalised ops)
        tenant.send("08a", 200);
        JsonNode updated = tenant.alice();
        assertThat(updated.path("emails").get(0).path("value").asText()).isEqualTo("alice.example@contoso.example");
        assertThat(updated.path("name").path("familyName").asText()).isEqualTo("Example-Smith");
        tenant.send("08b", 200);
        tenant.send("08c", 200);
        tenant.send("08d", 200);
        updated = tenant.alice();
        assertThat(updated.path("id").asText()).isEqualTo(alice);
        assertThat(updated.path("userName").asText()).isEqualTo("alice.smith@contoso.example");
        assertThat(updated.path("externalId").asText()).isEqualTo("alice.smith");
        assertThat(updated.path("displayName").asText()).isEqualTo("Alice Example-Smith");
        assertThat(updated.path(ENTERPRISE_URN).path("employeeNumber").asText()).isEqualTo("100235");
        assertThat(updated.path("nickName").asText()).isEqualTo("Ali");

        // 2.4 updates, flag dialect (path-less value with dotted and URN keys, Q3)
        tenant.send("09a", 200);
        tenant.send("09b", 200);
        tenant.send("09c", 200);
        updated = tenant.alice();
        assertThat(updated.has("name.familyName")).isFalse();
        assertThat(updated.path("userName").asText()).isEqualTo("alice@contoso.example");
        assertThat(updated.path("emails").get(0).path("primary").asBoolean()).isTrue();
        assertThat(updated.path(ENTERPRISE_URN).path("department").asText()).isEqualTo("Infrastructure");

        // 2.5 disable ("False", "false", false) and 2.6 re-enable: the user stays retrievable
        for (String sample : new String[] {"11a", "11b", "11c"}) {
            JsonNode disabled = tenant.send(sample, 200).json();
            assertThat(disabled.path("active").isBoolean()).isTrue();
            assertThat(tenant.alice().path("active").asBoolean(true)).as(sample).isFalse();
            tenant.send("12a", 200);
            assertThat(tenant.alice().path("active").asBoolean(false)).isTrue();
        }
        tenant.send("12b", 200);

        // 2.7 hard delete, then 404
        tenant.send("13a", 204);
        tenant.send("13b").assertError(404, null);
        tenant.client.get("/Users/" + alice).assertError(404, null);
    }

    @Test
    void lenientPresetReplaysTheGroupLifecycle() {
        Tenant tenant = new Tenant(ClientDialect.lenient());
        String alice = tenant.id(ALICE);
        String bob = tenant.id(BOB);
        String dave = tenant.id(DAVE);
        tenant.client.delete("/Groups/" + tenant.id(GROUP));

        // 2.3.2 create with the Microsoft schema URI (Q14); duplicates are 409
        Reply created = tenant.send("15a", 201);
        assertThat(created.json().path("schemas")).hasSize(1);
        assertThat(created.json().has("members")).isFalse();
        tenant.ids.put(GROUP, created.id());
        tenant.send("15b").assertError(409, "uniqueness");

        // 2.3.3 add members: 204, re-adding does not duplicate
        tenant.send("17a", 204);
        tenant.send("17b", 204);
        tenant.send("17b", 204);
        assertThat(tenant.group().memberIds()).containsExactlyInAnyOrder(alice, bob, dave);
        assertThat(tenant.client.get("/Users/" + bob).json().path("groups").get(0).path("display").asText())
                .isEqualTo("Engineering");

        // 2.8 remove members: Q4 value lists remove only the listed members, never the whole group
        tenant.send("18a", 204);
        assertThat(tenant.group().memberIds()).containsExactlyInAnyOrder(bob, dave);
        tenant.send("18b", 204);
        assertThat(tenant.group().memberIds()).containsExactly(dave);
        tenant.send("18c", 204);
        assertThat(tenant.group().memberIds()).isEmpty();
        tenant.send("17c", 204);
        assertThat(tenant.group().memberIds()).containsExactly(alice);
        tenant.send("18d", 204);
        assertThat(tenant.group().memberIds()).isEmpty();

        // 2.8 rename
        tenant.send("17b", 204);
        tenant.send("19a", 204);
        assertThat(tenant.group().json().path("displayName").asText()).isEqualTo("Platform Engineering");
        tenant.send("19b", 204);
        Reply renamed = tenant.group();
        assertThat(renamed.json().path("externalId").asText()).isEqualTo("0f6c8a52-2e1b-4c1e-9a3b-7d2a5e1c4b90");
        assertThat(renamed.memberIds()).containsExactlyInAnyOrder(bob, dave);

        // 2.8 delete
        tenant.send("20a", 204);
        tenant.send("20b").assertError(404, null);
        assertThat(tenant.client.get("/Users/" + bob).json().has("groups")).isFalse();
    }

    static Stream<Arguments> strictCases() {
        return Stream.of(
                Arguments.of("05a", "201"),
                Arguments.of("05b", "400 invalidValue"),
                Arguments.of("07a", "400 invalidSyntax"),
                Arguments.of("07b", "400 invalidValue"),
                Arguments.of("07c", "400 invalidSyntax"),
                Arguments.of("07d", "200"),
                Arguments.of("07f", "400 invalidPath"),
                Arguments.of("08a", "400 invalidSyntax"),
                Arguments.of("08b", "400 invalidSyntax"),
                Arguments.of("08c", "400 invalidSyntax"),
                Arguments.of("08d", "400 invalidSyntax"),
                Arguments.of("09a", "400 invalidPath"),
                Arguments.of("09b", "200"),
                Arguments.of("09c", "200"),
                Arguments.of("11a", "400 invalidSyntax"),
                Arguments.of("11b", "400 invalidSyntax"),
                Arguments.of("11c", "200"),
                Arguments.of("12a", "400 invalidSyntax"),
                Arguments.of("12b", "200"),
                Arguments.of("13a", "204"),
                Arguments.of("15a", "400 invalidValue"),
                Arguments.of("17a", "400 invalidSyntax"),
                Arguments.of("17b", "204"),
                Arguments.of("17c", "204"),
                Arguments.of("18a", "400 invalidSyntax"),
                Arguments.of("18b", "400 invalidSyntax"),
                Arguments.of("18c", "204"),
                Arguments.of("18d", "204"),
                Arguments.of("19a", "400 invalidSyntax"),
                Arguments.of("19b", "204"),
                Arguments.of("20a", "204"));
    }

    @ParameterizedTest(name = "[{index}] strict {0}: {1}")
    @MethodSource("strictCases")
    void strictPresetRejectsQuirksPreciselyAndStoresNothing(String sample, String expected) {
        boolean removal = sample.startsWith("18");
        Tenant tenant = removal ? new Tenant(ClientDialect.strict(), ALICE, BOB, DAVE) : new Tenant(ClientDialect.strict());
        if (sample.startsWith("15")) {
            tenant.client.delete("/Groups/" + tenant.id(GROUP));
        }
        if (sample.equals("05a")) {
            tenant.client.delete("/Users/" + tenant.id(ALICE));
        }
        Reply aliceBefore = tenant.client.get("/Users/" + tenant.id(ALICE));
        Reply groupBefore = tenant.group();
        long users = tenant.client.count("User");
        long groups = tenant.client.count("Group");

        Reply reply = tenant.send(sample);

        String[] parts = expected.split(" ");
        if (parts.length == 1) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(Integer.parseInt(parts[0]));
            return;
        }
        reply.assertError(Integer.parseInt(parts[0]), parts[1]);
        assertThat(tenant.client.count("User")).isEqualTo(users);
        assertThat(tenant.client.count("Group")).isEqualTo(groups);
        assertThat(tenant.client.get("/Users/" + tenant.id(ALICE)).json()).isEqualTo(aliceBefore.json());
        assertThat(tenant.group().text()).isEqualTo(groupBefore.text());
    }
}
