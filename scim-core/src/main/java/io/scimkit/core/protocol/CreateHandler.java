package io.scimkit.core.protocol;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningEvent.GroupCreated;
import io.scimkit.core.event.ProvisioningEvent.MembersAdded;
import io.scimkit.core.event.ProvisioningEvent.UserCreated;
import io.scimkit.core.resource.ResourceValidator;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.StoreContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /{endpoint}} (RFC 7644 §3.3): reads the body ({@code invalidSyntax} for bad JSON,
 * §3.12), lets the dialect normalise it, validates it for creation (read-only attributes such as
 * a client's {@code id} or {@code meta} are dropped without error, §3.3), and hands it to the
 * store, which assigns {@code id} and {@code meta} and enforces uniqueness (409
 * {@code uniqueness}). Answers 201 with the stored resource after projection (§3.3, §3.9;
 * {@code returned: request} attributes the body supplied come back, RFC 7643 §7),
 * {@code Location} (§3.3) and {@code ETag} (§3.14). Listeners are told of the new user or group
 * (and of the members a group was created with) once the store has it.
 */
final class CreateHandler {
    private final SchemaRegistry registry;
    private final ResourceCodec codec;
    private final ResourceValidator validator;
    private final ResourceRenderer renderer;

    CreateHandler(SchemaRegistry registry, ResourceCodec codec, ResourceValidator validator, ResourceRenderer renderer) {
        this.registry = registry;
        this.codec = codec;
        this.validator = validator;
        this.renderer = renderer;
    }

    ScimResponse handle(ResourceCall call) {
        ScimResource sent = codec.read(RequestBodies.json(call.request(), call.dialect()), call.type());
        ScimResource normalized = call.dialect().normalizeResource(sent, call.type(), registry);
        ScimResource valid = validator.validateForCreate(normalized, call.type());
        StoreContext context = call.responseContext();
        ScimResource stored = call.create(context, ResourceCreate.of(valid),
                written -> events(call, context, valid, Objects.requireNonNull(written.resource())));
        return renderer.single(201, call.exchange(), context, stored,
                SuppliedAttributes.of(registry, call.type(), valid));
    }

    /** A user or group created, then the members a group was created with. */
    private static List<ProvisioningEvent> events(ResourceCall call, StoreContext context, ScimResource sent,
            ScimResource stored) {
        EventContext event = call.eventContext(context, stored.id().orElseThrow(), stored);
        if (call.isUser()) {
            return List.of(new UserCreated(event));
        }
        List<ProvisioningEvent> events = new ArrayList<>();
        events.add(new GroupCreated(event, ChangeEvents.displayName(stored)));
        Set<String> members = ChangeEvents.memberIds(sent.body().getOrNull("members"));
        if (!members.isEmpty()) {
            events.add(new MembersAdded(event, List.copyOf(members)));
        }
        return events;
    }
}
