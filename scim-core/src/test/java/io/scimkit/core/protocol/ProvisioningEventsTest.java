package io.scimkit.core.protocol;

import static io.scimkit.core.protocol.ScimTestClient.GROUP_URN;
import static io.scimkit.core.protocol.ScimTestClient.USER_URN;
import static io.scimkit.core.protocol.ScimTestClient.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningEvent.GroupCreated;
import io.scimkit.core.event.ProvisioningEvent.GroupDeleted;
import io.scimkit.core.event.ProvisioningEvent.GroupRenamed;
import io.scimkit.core.event.ProvisioningEvent.MembersAdded;
import io.scimkit.core.event.ProvisioningEvent.MembersRemoved;
import io.scimkit.core.event.ProvisioningEvent.UserCreated;
import io.scimkit.core.event.ProvisioningEvent.UserDeactivated;
import io.scimkit.core.event.ProvisioningEvent.UserDeleted;
import io.scimkit.core.event.ProvisioningEvent.UserReactivated;
import io.scimkit.core.event.ProvisioningEvent.UserUpdated;
import io.scimkit.core.protocol.EntraSamples.Sample;
import io.scimkit.core.protocol.FailureLog.Failure;
import io.scimkit.core.protocol.ScimTestClient.Reply;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.memory.InMemoryStores;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Provisioning events (issue 14, first slice): Entra ID's real request shapes (the samples of
 * {@code entra/*.http}) reach a listener as typed events after the store committed them; Bulk and
 * the core's cascade of user deletes emit the same events; a failing request emits nothing; a
 * failing listener is logged and never fails the request.
 */
class ProvisioningEventsTest {
    private static final Map<String, Sample> SAMPLES = EntraSamples.all();
    private static final String ALICE = "u-7c1e2a";
    private static final String BOB = "u-3f9b10";
    private static final String GROUP = "g-51d0aa";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final List<ProvisioningEvent> events = new ArrayList<>();
    private final Map<String, String> ids = new HashMap<>();
    private ScimTestClient client = client(builder -> builder);

    private ScimTestClient client(UnaryOperator<ScimService.Builder> settings) {
        return ScimTestClient.create(builder -> settings.apply(builder.clock(new MutableClock(NOW))
                .listener(events::add)));
    }

    /** Alice (Entra's sample 05a), bob, and the Engineering group with bob; the events so far dropped. */
    private void entraTenant() {
        Reply alice = client.post("/Users", SAMPLES.get("05a").body());
        assertThat(alice.status()).as(alice.text()).isEqualTo(201);
        ids.put(ALICE, alice.id());
        ids.put(BOB, client.createUser("bob@contoso.example"));
        ids.put(GROUP, client.createGroup("Engineering", ids.get(BOB)));
        events.clear();
    }

    /** Sends an Entra sample with the service's ids and a request id; returns the reply. */
    private Reply send(String sampleId, String requestId, int expectedStatus) {
        Sample sample = SAMPLES.get(sampleId).with(ids);
        Reply reply = client.send(sample.method(), sample.path(), "", sample.body().isEmpty() ? null : sample.body(),
                "X-Request-Id", requestId);
        assertThat(reply.status()).as(sampleId + ": " + reply.text()).isEqualTo(expectedStatus);
        return reply;
    }

    private EventContext context(String type, String id, String version, String requestId) {
        return new EventContext("default", "test-client", requestId, NOW, type, id, version);
    }

    private String version(String path) {
        return client.get(path).response().header("ETag").orElseThrow();
    }

    @Test
    void entrasDisableReachesTheListenerAsADeactivation() {
        entraTenant();

        Reply reply = send("11a", "req-11a", 200); // {"op":"Replace","path":"active","value":"False"}

        String version = reply.response().header("ETag").orElseThrow();
        assertThat(events).containsExactly(
                new UserDeactivated(context("User", ids.get(ALICE), version, "req-11a")));
        assertThat(events.get(0).type()).isEqualTo("user.deactivated");
    }

    @Test
    void entrasReEnableIsAReactivationAndADisableOfADisabledUserIsNothing() {
        entraTenant();
        send("11a", "r1", 200);
        send("11b", "r2", 200); // "false" again: no change, no event

        Reply reply = send("12a", "r3", 200);

        assertThat(events).extracting(ProvisioningEvent::type).containsExactly("user.deactivated", "user.reactivated");
        assertThat(events.get(1)).isEqualTo(new UserReactivated(
                context("User", ids.get(ALICE), reply.response().header("ETag").orElseThrow(), "r3")));
    }

    @Test
    void entrasMemberAddAndRemoveAreMembersAddedAndRemovedWithIds() {
        entraTenant();

        send("17a", "add", 204); // Add members [{"$ref":null,"value":alice}]
        String afterAdd = version("/Groups/" + ids.get(GROUP));
        send("18b", "remove", 204); // Remove members [{"value":bob}]
        String afterRemove = version("/Groups/" + ids.get(GROUP));

        assertThat(events).containsExactly(
                new MembersAdded(context("Group", ids.get(GROUP), afterAdd, "add"), List.of(ids.get(ALICE))),
                new MembersRemoved(context("Group", ids.get(GROUP), afterRemove, "remove"), List.of(ids.get(BOB))));
    }

    @Test
    void aReplaceOfTheMemberListTellsWhoJoinedAndWhoLeft() {
        entraTenant();

        send("17c", "replace", 204); // replace members with [alice]: alice joins, bob leaves

        String version = version("/Groups/" + ids.get(GROUP));
        assertThat(events).containsExactly(
                new MembersAdded(context("Group", ids.get(GROUP), version, "replace"), List.of(ids.get(ALICE))),
                new MembersRemoved(context("Group", ids.get(GROUP), version, "replace"), List.of(ids.get(BOB))));
    }

    @Test
    void aMemberPatchOnTheWholeGroupTellsTheMembersThatLeft() {
        entraTenant();
        send("17a", "add", 204);
        events.clear();

        // A filter the O(change) path does not know: the engine runs on the whole group.
        Reply reply = client.patch("/Groups/" + ids.get(GROUP), patchOp(
                "{\"op\":\"remove\",\"path\":\"members[value pr]\"}"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(204);
        assertThat(events).singleElement().isInstanceOfSatisfying(MembersRemoved.class, removed ->
                assertThat(removed.memberIds()).containsExactlyInAnyOrder(ids.get(ALICE), ids.get(BOB)));
    }

    @Test
    void anAddOfAMemberAlreadyThereAndAnAddThenRemoveInOneRequestEmitNothing() {
        entraTenant();
        String bobAgain = patchOp("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ids.get(BOB) + "\"}]}");

        assertThat(client.patch("/Groups/" + ids.get(GROUP), bobAgain).status()).isEqualTo(204);
        send("18d", "18d", 204); // add alice, remove alice

        assertThat(events).isEmpty();
    }

    @Test
    void entrasRenameIsAGroupRenamedWithBothNames() {
        entraTenant();

        send("19a", "rename", 204);

        assertThat(events).containsExactly(new GroupRenamed(context("Group", ids.get(GROUP),
                version("/Groups/" + ids.get(GROUP)), "rename"), "Engineering", "Platform Engineering"));
    }

    @Test
    void aUserUpdateNamesTheChangedAttributesButNotTheirValues() {
        entraTenant();

        send("07a", "manager", 200);
        Reply flag = client.patch("/Users/" + ids.get(ALICE), patchOp(
                "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Alicia\"}",
                "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
        assertThat(flag.status()).as(flag.text()).isEqualTo(200);

        assertThat(events).hasSize(3);
        assertThat(((UserUpdated) events.get(0)).changedAttributes())
                .containsExactly("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager");
        assertThat(((UserUpdated) events.get(1)).changedAttributes()).containsExactly("name.givenName");
        assertThat(events.get(2)).isInstanceOf(UserDeactivated.class);
        assertThat(events.toString()).doesNotContain("Alicia");
    }

    @Test
    void aPutTellsWhatChangedAndWhichMembersJoinedAndLeft() {
        entraTenant();
        String carol = client.createUser("carol@contoso.example");
        events.clear();

        Reply user = client.put("/Users/" + ids.get(BOB), "{\"schemas\":[\"" + USER_URN + "\"],"
                + "\"userName\":\"bob@contoso.example\",\"displayName\":\"Bob\",\"active\":false}");
        Reply group = client.put("/Groups/" + ids.get(GROUP), "{\"schemas\":[\"" + GROUP_URN + "\"],"
                + "\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + carol + "\"}]}");

        assertThat(user.status()).as(user.text()).isEqualTo(200);
        assertThat(group.status()).as(group.text()).isEqualTo(200);
        String groupVersion = group.response().header("ETag").orElseThrow();
        assertThat(events).extracting(ProvisioningEvent::type)
                .containsExactly("user.updated", "user.deactivated", "group.members_added", "group.members_removed");
        assertThat(((UserUpdated) events.get(0)).changedAttributes()).containsExactly("displayName");
        assertThat(events.subList(2, 4)).containsExactly(
                new MembersAdded(context("Group", ids.get(GROUP), groupVersion, null), List.of(carol)),
                new MembersRemoved(context("Group", ids.get(GROUP), groupVersion, null), List.of(ids.get(BOB))));
    }

    @Test
    void aUserDeleteCascadesToMembersRemovedForEachOfItsGroups() {
        entraTenant();
        String other = client.createGroup("Sales", ids.get(BOB), ids.get(ALICE));
        events.clear();

        send("13a", "delete", 204); // DELETE /Users/alice... the sample deletes alice
        
        assertThat(events).containsExactly(
                new UserDeleted(context("User", ids.get(ALICE), null, "delete")),
                new MembersRemoved(context("Group", other, version("/Groups/" + other), "delete"),
                        List.of(ids.get(ALICE))));
        events.clear();

        assertThat(client.delete("/Users/" + ids.get(BOB)).status()).isEqualTo(204);

        assertThat(events).extracting(ProvisioningEvent::type)
                .containsExactly("user.deleted", "group.members_removed", "group.members_removed");
        assertThat(events.subList(1, 3)).extracting(ProvisioningEvent::resourceId)
                .containsExactlyInAnyOrder(ids.get(GROUP), other);
    }

    @Test
    void aGroupDeleteIsAGroupDeleted() {
        entraTenant();

        send("20a", "gone", 204);

        assertThat(events).containsExactly(new GroupDeleted(context("Group", ids.get(GROUP), null, "gone")));
    }

    @Test
    void aSoftDeleteIsADeactivation() {
        client = client(builder -> builder.deletePolicy(DeletePolicy.SOFT));
        entraTenant();

        send("13a", "soft", 204);
        send("13a", "soft-again", 204);

        assertThat(events).containsExactly(new UserDeactivated(context("User", ids.get(ALICE),
                version("/Users/" + ids.get(ALICE)), "soft")));
    }

    @Test
    void createsTellTheNewUserAndGroupAndItsMembers() {
        String alice = client.createUser("alice@contoso.example");
        String group = client.createGroup("Engineering", alice);

        assertThat(events).containsExactly(
                new UserCreated(context("User", alice, version("/Users/" + alice), null)),
                new GroupCreated(context("Group", group, version("/Groups/" + group), null), "Engineering"),
                new MembersAdded(context("Group", group, version("/Groups/" + group), null), List.of(alice)));
    }

    @Test
    void bulkEmitsTheSameEventsWithTheBulkRequestsId() {
        String body = ("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':["
                + "{'method':'POST','path':'/Users','bulkId':'u','data':{'schemas':['" + USER_URN + "'],"
                + "'userName':'alice@contoso.example'}},"
                + "{'method':'POST','path':'/Groups','bulkId':'g','data':{'schemas':['" + GROUP_URN + "'],"
                + "'displayName':'Engineering','members':[{'value':'bulkId:u'}]}},"
                + "{'method':'PATCH','path':'/Users/bulkId:u','data':{'schemas':["
                + "'urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'Replace','path':'active','value':'False'}]}},"
                + "{'method':'DELETE','path':'/Users/bulkId:u'}]}").replace('\'', '"');

        Reply reply = client.send("POST", "/Bulk", "", body, "X-Request-Id", "bulk-1");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(events).extracting(ProvisioningEvent::type).containsExactly("user.created", "group.created",
                "group.members_added", "user.deactivated", "user.deleted", "group.members_removed");
        String alice = events.get(0).resourceId();
        assertThat(((MembersAdded) events.get(2)).memberIds()).containsExactly(alice);
        assertThat(((MembersRemoved) events.get(5)).memberIds()).containsExactly(alice);
        assertThat(events).allSatisfy(event -> assertThat(event.requestId()).isEqualTo("bulk-1"));
    }

    @Test
    void aFailingRequestEmitsNothing() {
        entraTenant();
        String alice = "/Users/" + ids.get(ALICE);

        Reply invalid = client.patch(alice, patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}",
                "{\"op\":\"replace\",\"path\":\"userName\",\"value\":42}"));
        Reply mismatch = client.send("PATCH", alice, "", patchOp(
                "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"), "If-Match", "W/\"nope\"");
        Reply unknown = client.patch("/Users/nobody", patchOp("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
        Reply duplicate = client.post("/Users", SAMPLES.get("05a").body());

        assertThat(List.of(invalid.status(), mismatch.status(), unknown.status(), duplicate.status()))
                .containsExactly(400, 412, 404, 409);
        assertThat(events).isEmpty();
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheRequestAndTheOtherListenersGoOn() {
        SchemaRegistry registry = SchemaRegistry.core();
        InMemoryStores stores = InMemoryStores.create(registry);
        Map<String, ResourceStore> byType = Map.of("User", stores.users(), "Group", stores.groups());
        List<Failure> logged = new ArrayList<>();
        ServiceConfig config = new ServiceConfig(ScimTestClient.BASE, registry, byType, ClientDialect.lenient(),
                ValidationSettings.rfc(), DeletePolicy.HARD, Map.of(), ServiceLimits.defaults(), null, true,
                new MutableClock(NOW), List.of(event -> {
                    throw new IllegalStateException("the application's listener broke");
                }, events::add));
        Dispatcher dispatcher = new Dispatcher(config, new FailureLog(logged::add));
        String body = "{\"schemas\":[\"" + USER_URN + "\"],\"userName\":\"alice@contoso.example\"}";

        ScimResponse created = dispatcher.dispatch(new ScimRequest("POST", "/Users", "",
                HttpHeaders.of("Content-Type", ScimResponse.SCIM_JSON), body.getBytes(StandardCharsets.UTF_8),
                ScimPrincipal.of("test-client"), null));

        assertThat(created.status()).isEqualTo(201);
        assertThat(events).extracting(ProvisioningEvent::type).containsExactly("user.created");
        assertThat(logged).singleElement().satisfies(failure -> {
            assertThat(failure.cause()).hasMessage("the application's listener broke");
            assertThat(failure.message()).contains("provisioning listener", "user.created", "POST /Users");
        });
    }

    @Test
    void everyEventHasAStablePlainTypeName() {
        EventContext context = context("User", "1", null, null);
        List<ProvisioningEvent> all = List.of(new UserCreated(context), new UserUpdated(context, List.of("title")),
                new UserDeactivated(context), new UserReactivated(context), new UserDeleted(context),
                new GroupCreated(context, "g"), new GroupRenamed(context, "a", "b"), new GroupDeleted(context),
                new MembersAdded(context, List.of("1")), new MembersRemoved(context, List.of("1")));

        assertThat(all).extracting(ProvisioningEvent::type).containsExactly("user.created", "user.updated",
                "user.deactivated", "user.reactivated", "user.deleted", "group.created", "group.renamed",
                "group.deleted", "group.members_added", "group.members_removed");
        assertThat(StoreContext.DEFAULT_TENANT).isEqualTo(context.tenant());
    }
}
