package io.scimkit.core.protocol;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.WrittenChange;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.value.StringValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One request to a single-resource endpoint, resolved: the exchange, the resource type its path
 * names, that type's store, and the response projection the {@code attributes} /
 * {@code excludedAttributes} query parameters ask for (RFC 7644 §3.9). Confined to the
 * thread serving the request.
 */
final class ResourceCall {
    private final Exchange exchange;
    private final ResourceType type;
    private final ResourceStore store;
    private @Nullable Projection requested;
    private boolean projectionGiven;

    ResourceCall(Exchange exchange, ResourceType type) {
        this.exchange = exchange;
        this.type = type;
        this.store = exchange.config().store(type.name());
    }

    Exchange exchange() {
        return exchange;
    }

    ScimRequest request() {
        return exchange.request();
    }

    ServiceConfig config() {
        return exchange.config();
    }

    /** The dialect that normalises this request. */
    ClientDialect dialect() {
        return exchange.dialect();
    }

    ResourceType type() {
        return type;
    }

    ResourceStore store() {
        return store;
    }

    /**
     * The projection of the response, from the query parameters; read when first needed, so that
     * a DELETE ignores them as any parameter it does not know.
     *
     * @throws ScimException 400 {@code invalidValue} for both parameters at once (they exclude each
     *     other, RFC 7644 §3.9, which leaves open what both get) or a malformed name
     */
    Projection requested() {
        if (requested == null) {
            QueryParameters query = exchange.request().query();
            Optional<String> attributes = nonBlank(query, "attributes");
            Optional<String> excluded = nonBlank(query, "excludedAttributes");
            requested = Projection.of(exchange.config().registry(), type, attributes.orElse(null),
                    excluded.orElse(null));
            projectionGiven = attributes.isPresent() || excluded.isPresent();
        }
        return requested;
    }

    /**
     * Whether {@code attributes} or {@code excludedAttributes} was given (a PATCH then answers 200,
     * RFC 7644 §3.5.2).
     */
    boolean projectionGiven() {
        requested();
        return projectionGiven;
    }

    /** Whether the resource type is a group: its {@code members} travel as deltas, never as the whole list. */
    boolean isGroup() {
        return type.schema().equalsIgnoreCase(CoreSchemas.GROUP_URN);
    }

    /** Whether the resource type is a user (RFC 7643 §4.1), whose changes are told to listeners. */
    boolean isUser() {
        return type.schema().equalsIgnoreCase(CoreSchemas.USER_URN);
    }

    /**
     * Whether listeners are to be told of this call's changes: some are registered and the
     * resource type is User or Group; otherwise the core skips the work of finding changes.
     */
    boolean tellsListeners() {
        return (exchange.events().active() || recordsEvents()) && (isUser() || isGroup());
    }

    /** Whether this type's store records the events of its writes in their transactions. */
    boolean recordsEvents() {
        return store instanceof ManagedStore managed && managed.recordsEvents();
    }

    /**
     * Creates the resource and tells of it: the store records the events in its transaction when it
     * does ({@link io.scimkit.core.store.EventRecordingStore}), and the listeners hear them after it.
     * Without listeners or a recording store, a plain create.
     */
    ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events) {
        return told(events, recorded -> ((ManagedStore) store).create(context, resource, recorded),
                () -> store.create(context, resource));
    }

    /** Updates the resource and tells of it, as {@link #create} does. */
    ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
        return told(events, recorded -> ((ManagedStore) store).update(context, update, recorded),
                () -> store.update(context, update));
    }

    /** Runs a write the recording way or the plain way, and tells the listeners of its events. */
    private ScimResource told(PendingEvents events, Function<PendingEvents, ScimResource> recording,
            Supplier<ScimResource> plain) {
        if (!tellsListeners()) {
            return plain.get();
        }
        if (recordsEvents()) {
            Recorded recorded = new Recorded(events);
            ScimResource written = recording.apply(recorded);
            publish(recorded.events());
            return written;
        }
        ScimResource written = plain.get();
        publish(events.of(WrittenChange.of(written)));
        return written;
    }

    /** The events a recording store asked for last (it may run its transaction again), for the listeners. */
    private static final class Recorded implements PendingEvents {
        private final PendingEvents events;
        private List<ProvisioningEvent> last = List.of();

        Recorded(PendingEvents events) {
            this.events = events;
        }

        @Override
        public List<ProvisioningEvent> of(WrittenChange written) {
            last = List.copyOf(events.of(written));
            return last;
        }

        List<ProvisioningEvent> events() {
            return last;
        }
    }

    /** The context of an event about a resource of this call after a write with this store context. */
    EventContext eventContext(StoreContext context, String id, @Nullable ScimResource after) {
        return Events.context(exchange.request(), context, id, after);
    }

    /** Hands the events of a committed change to the listeners; never throws. */
    void publish(List<? extends ProvisioningEvent> events) {
        exchange.publish(events);
    }

    /**
     * The ids of a group's members now, for telling listeners who joined and left when its whole
     * member list is replaced; costs O(group size), as that replacement does.
     */
    Set<String> memberIds(String groupId) {
        StoreContext context = Contexts.of(exchange, type);
        Set<String> ids = new LinkedHashSet<>();
        if (store instanceof GroupStore groups) {
            groups.forEachMember(context, groupId, member -> {
                if (member.getOrNull("value") instanceof StringValue value) {
                    ids.add(value.value());
                }
            });
            return ids;
        }
        return ChangeEvents.memberIds(load(context, groupId).body().getOrNull("members"));
    }

    /** The store context of this request with the given projection. */
    StoreContext context(Projection projection) {
        return Contexts.of(exchange, type, projection);
    }

    /** The store context of this request with the response projection. */
    StoreContext responseContext() {
        return context(requested());
    }

    /**
     * The resource with this id in the caller's tenant.
     *
     * @throws ScimException 404 if there is none (RFC 7644 §3.12)
     */
    ScimResource load(StoreContext context, String id) {
        return store.get(context, id).orElseThrow(() -> notFound(id));
    }

    /** 404 for an id of this type: the detail names the type, never the tenant. */
    ScimException notFound(String id) {
        return ScimException.notFound(type.name() + " " + printable(id) + " not found");
    }

    private static Optional<String> nonBlank(QueryParameters query, String name) {
        return query.first(name).filter(value -> !value.replace(',', ' ').isBlank());
    }

    private static String printable(String text) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && safe.length() < 100; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return safe.toString();
    }
}
