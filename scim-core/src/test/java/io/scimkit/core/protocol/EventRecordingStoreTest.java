package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.EventRecordingStore;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.WrittenChange;
import io.scimkit.core.store.memory.InMemoryGroupStore;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.core.store.memory.InMemoryUserStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store side of provisioning events (issue 14, "Delivery on scim-jdbc"): a store that records
 * events gets, for each write, the function the core computes them with, and records what it
 * returns for what the store wrote; the core's cascade of a user delete records each group's
 * removal through the group store; listeners of the service still hear every event synchronously.
 */
class EventRecordingStoreTest {
    private static final ScimPrincipal ENTRA = new ScimPrincipal("t1", "entra");

    /** Records events "in the transaction": after its delegate wrote, before returning. */
    private static final class RecordingUsers implements UserStore, ForwardingResourceStore, EventRecordingStore {
        final ResourceStore delegate;
        final List<ProvisioningEvent> recorded = new ArrayList<>();
        final boolean on;

        RecordingUsers(ResourceStore delegate, boolean on) {
            this.delegate = delegate;
            this.on = on;
        }

        @Override
        public ResourceStore delegate() {
            return delegate;
        }

        @Override
        public boolean recordsEvents() {
            return on;
        }

        @Override
        public ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events) {
            ScimResource created = delegate.create(context, resource);
            recorded.addAll(events.of(WrittenChange.of(created)));
            return created;
        }

        @Override
        public ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
            ScimResource updated = delegate.update(context, update);
            recorded.addAll(events.of(WrittenChange.of(updated)));
            return updated;
        }

        @Override
        public void delete(StoreContext context, ResourceDelete delete, PendingEvents events) {
            delegate.delete(context, delete);
            recorded.addAll(events.of(WrittenChange.deleted(List.of())));
        }
    }

    /** A recording group store over the memory one; it leaves the removal of deleted members to the core. */
    private static final class RecordingGroups implements GroupStore, ForwardingResourceStore, EventRecordingStore {
        final GroupStore delegate;
        final RecordingUsers recorder;

        RecordingGroups(GroupStore delegate) {
            this.delegate = delegate;
            this.recorder = new RecordingUsers(delegate, true);
        }

        @Override
        public ResourceStore delegate() {
            return delegate;
        }

        @Override
        public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
            return delegate.groupsOf(context, memberId);
        }

        @Override
        public boolean recordsEvents() {
            return true;
        }

        @Override
        public ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events) {
            return recorder.create(context, resource, events);
        }

        @Override
        public ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
            return recorder.update(context, update, events);
        }

        @Override
        public void delete(StoreContext context, ResourceDelete delete, PendingEvents events) {
            recorder.delete(context, delete, events);
        }
    }

    private final InMemoryStores memory = InMemoryStores.create(SchemaRegistry.core());
    private final List<ProvisioningEvent> heard = new ArrayList<>();

    private ScimResponse send(ScimService service, String method, String path, String body) {
        ScimRequest request = ScimRequest.of(method, path, ENTRA)
                .withHeaders(HttpHeaders.of("Content-Type", "application/scim+json"));
        return service.handle(body == null ? request : request.withBody(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"" + ScimTestClient.USER_URN + "\"],\"userName\":\"" + userName + "\"}";
    }

    private static String id(ScimResponse created) {
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
        return created.bodyText().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    private static List<String> types(List<ProvisioningEvent> events) {
        return events.stream().map(ProvisioningEvent::type).toList();
    }

    @Test
    void aRecordingStoreGetsTheEventsOfEachWriteWithWhatItWroteAndListenersStillHearThem() {
        RecordingUsers users = new RecordingUsers(memory.users(), true);
        ScimService service = ScimService.builder().baseUri(ScimTestClient.BASE).userStore(users)
                .groupStore(memory.groups()).build();
        String alice = id(send(service, "POST", "/Users", user("alice")));
        ScimResponse disabled = send(service, "PATCH", "/Users/" + alice, "{\"schemas\":[\"" + ScimTestClient.PATCH_URN
                + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertThat(send(service, "POST", "/Users", user("ALICE")).status()).isEqualTo(409);

        assertThat(types(users.recorded)).containsExactly("user.created", "user.deactivated");
        assertThat(users.recorded.get(0).resourceId()).isEqualTo(alice);
        assertThat(users.recorded.get(0).tenant()).isEqualTo("t1");
        assertThat(users.recorded.get(1).version()).isEqualTo(disabled.header("ETag").orElseThrow());
    }

    @Test
    void theCascadeOfAUserDeleteIsRecordedByTheGroupStoreAndHeardByListeners() {
        // A user store that does not remove deleted users from groups itself: the core does.
        RecordingUsers users = new RecordingUsers(InMemoryUserStore.builder(SchemaRegistry.core()).build(), true);
        RecordingGroups groups = new RecordingGroups(InMemoryGroupStore.builder(SchemaRegistry.core()).build());
        ScimService service = ScimService.builder().baseUri(ScimTestClient.BASE).userStore(users).groupStore(groups)
                .listener(heard::add).build();
        String bob = id(send(service, "POST", "/Users", user("bob")));
        String group = id(send(service, "POST", "/Groups", "{\"schemas\":[\"" + ScimTestClient.GROUP_URN
                + "\"],\"displayName\":\"Eng\",\"members\":[{\"value\":\"" + bob + "\"}]}"));
        heard.clear();

        assertThat(send(service, "DELETE", "/Users/" + bob, null).status()).isEqualTo(204);

        assertThat(types(users.recorded)).containsExactly("user.created", "user.deleted");
        List<ProvisioningEvent> groupEvents = groups.recorder.recorded;
        assertThat(types(groupEvents)).containsExactly("group.created", "group.members_added", "group.members_removed");
        assertThat(groupEvents.get(2).resourceId()).isEqualTo(group);
        assertThat(groupEvents.get(2).version()).isNotNull();
        assertThat(types(heard)).containsExactly("user.deleted", "group.members_removed");
    }

    @Test
    void aStoreThatDoesNotRecordNowIsCalledThroughThePlainMethods() {
        RecordingUsers users = new RecordingUsers(memory.users(), false);
        ScimService service = ScimService.builder().baseUri(ScimTestClient.BASE).userStore(users)
                .groupStore(memory.groups()).listener(heard::add).build();
        id(send(service, "POST", "/Users", user("carol")));

        assertThat(users.recorded).isEmpty();
        assertThat(types(heard)).containsExactly("user.created");
    }
}
