package io.scimkit.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningEvent.UserCreated;
import io.scimkit.core.event.ProvisioningEvent.UserDeleted;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.EventRecordingStore;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.WrittenChange;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.micrometer.ScimMetrics;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A timed store over one with a transactional outbox still records every change's events in the
 * change's transaction: the service sees it as recording, and its events reach the wrapped store.
 */
class MeteredRecordingStoreTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SchemaRegistry schemas = SchemaRegistry.core();
    private final InMemoryStores memory = InMemoryStores.create(schemas);

    @Test
    void eventsOfATimedRecordingStoreAreRecordedByTheWrappedStore() {
        RecordingUsers recording = new RecordingUsers(memory.users(), true);
        List<ProvisioningEvent> heardSynchronously = new ArrayList<>();
        ScimService service = service(ScimMetrics.of(registry, schemas).userStore(recording), heardSynchronously);

        String id = create(service);
        assertThat(service.handle(request("DELETE", "/Users/" + id, "")).status()).isEqualTo(204);

        assertThat(recording.recorded).hasExactlyElementsOfTypes(UserCreated.class, UserDeleted.class);
        assertThat(heardSynchronously).as("listeners still hear it after the commit").hasSize(2);
        assertThat(registry.get(ScimMetrics.STORE_CALLS).tag("operation", "create").timer().count()).isEqualTo(1);
        assertThat(registry.get(ScimMetrics.STORE_CALLS).tag("operation", "delete").timer().count()).isEqualTo(1);
    }

    @Test
    void aTimedStoreRecordsNothingWhenTheWrappedOneDoesNot() {
        RecordingUsers off = new RecordingUsers(memory.users(), false);
        List<ProvisioningEvent> heard = new ArrayList<>();
        ScimService service = service(ScimMetrics.of(registry, schemas).userStore(off), heard);

        create(service);

        assertThat(off.recorded).isEmpty();
        assertThat(heard).hasExactlyElementsOfTypes(UserCreated.class);
        assertThat(((EventRecordingStore) ScimMetrics.of(registry, schemas).userStore(memory.users())).recordsEvents())
                .as("a store without an outbox").isFalse();
    }

    private ScimService service(UserStore users, List<ProvisioningEvent> heard) {
        return ScimService.builder().baseUri(URI.create("https://scim.example.com/scim/v2")).schemas(schemas)
                .userStore(users).groupStore(memory.groups()).listener(heard::add).build();
    }

    private static String create(ScimService service) {
        ScimResponse created = service.handle(request("POST", "/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"alice@example.com\"}"));
        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().get("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static ScimRequest request(String method, String path, String body) {
        return new ScimRequest(method, path, "", HttpHeaders.of("Content-Type", "application/scim+json"),
                body.getBytes(StandardCharsets.UTF_8), new ScimPrincipal("acme", "test"), null);
    }

    /** A user store that "records" events by keeping them, as an outbox would in its transaction. */
    private static final class RecordingUsers implements UserStore, ForwardingResourceStore, EventRecordingStore {
        final List<ProvisioningEvent> recorded = new ArrayList<>();
        private final UserStore store;
        private final boolean on;

        RecordingUsers(UserStore store, boolean on) {
            this.store = store;
            this.on = on;
        }

        @Override
        public ResourceStore delegate() {
            return store;
        }

        @Override
        public boolean recordsEvents() {
            return on;
        }

        @Override
        public ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events) {
            ScimResource created = store.create(context, resource);
            recorded.addAll(events.of(WrittenChange.of(created)));
            return created;
        }

        @Override
        public ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
            ScimResource updated = store.update(context, update);
            recorded.addAll(events.of(WrittenChange.of(updated)));
            return updated;
        }

        @Override
        public void delete(StoreContext context, ResourceDelete delete, PendingEvents events) {
            store.delete(context, delete);
            recorded.addAll(events.of(WrittenChange.deleted(List.of())));
        }
    }
}
