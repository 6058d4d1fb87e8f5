package io.scimkit.core.protocol;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.event.EventContext;
import io.scimkit.core.patch.internal.ResourceReplacer;
import io.scimkit.core.resource.ResourceValidator;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /{endpoint}/{id}} (RFC 7644 §3.5.1): never creates (404); checks {@code If-Match}
 * (412, §3.14); replaces the stored resource by the normalised body with the
 * {@link ResourceReplacer} (read-only values kept, a different {@code id} in the body ignored,
 * as any read-only input; immutable values checked; omitted readWrite attributes cleared, which
 * §3.5.1 allows and which makes PUT a true replace),
 * validates the result and writes it with compare-and-swap on the version it was computed from,
 * retrying on a concurrent writer. A group's new {@code members} are written as a
 * {@code replaceAll} delta, the body without them. A PUT that changes nothing writes nothing.
 * Answers 200 with the projected resource (§3.5.1). Listeners are told what changed: a user's
 * attributes and {@code active}, a group's name and the members that joined and left.
 */
final class ReplaceHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaceHandler.class);
    private static final String MEMBERS = "members";

    private final SchemaRegistry registry;
    private final ResourceCodec codec;
    private final ResourceValidator validator;
    private final ResourceRenderer renderer;
    private final LoadProjections loads;

    ReplaceHandler(SchemaRegistry registry, ResourceCodec codec, ResourceValidator validator,
            ResourceRenderer renderer, LoadProjections loads) {
        this.registry = registry;
        this.codec = codec;
        this.validator = validator;
        this.renderer = renderer;
        this.loads = loads;
    }

    ScimResponse handle(ResourceCall call, String id) {
        ScimResource sent = codec.read(RequestBodies.json(call.request(), call.dialect()), call.type());
        Optional<String> bodyId = sent.id();
        if (bodyId.isPresent() && !bodyId.get().equals(id)) {
            LOG.debug("PUT body id differs from the URL id; the body id is ignored");
        }
        ScimResource incoming = call.dialect().normalizeResource(sent, call.type(), registry);
        ResourceReplacer replacer = ResourceReplacer.of(registry, call.type(),
                call.config().validation().unknownAttributes());
        ScimResource stored = OptimisticWrite.run(Preconditions.hasIfMatch(call.request()), () -> {
            ScimResource existing = call.load(call.context(call.isGroup()
                    ? loads.withoutMembers(call.type()) : loads.everything(call.type())), id);
            Preconditions.requireIfMatch(call.request(), existing);
            ScimResource valid = validator.validateStored(replacer.replace(existing, incoming), call.type());
            MemberChanges members = MemberChanges.NONE;
            Set<String> membersBefore = Set.of();
            if (call.isGroup()) {
                membersBefore = call.tellsListeners() ? call.memberIds(id) : Set.of();
                members = new MemberChanges(true, MemberDelta.members(valid.body().getOrNull(MEMBERS)), Set.of());
                valid = valid.without(MEMBERS);
            } else if (valid.equals(existing)) {
                return existing;
            }
            StoreContext context = call.responseContext();
            ScimResource after = valid;
            Set<String> before = membersBefore;
            MemberChanges replacement = members;
            return call.update(context, new ResourceUpdate(id, Preconditions.version(existing), valid, members),
                    written -> {
                        EventContext event = call.eventContext(context, id, written.resource());
                        return call.isUser() ? ChangeEvents.user(event, existing, after)
                                : ChangeEvents.groupReplacingMembers(event, existing, after, before,
                                        replacement.addedIds());
                    });
        });
        return renderer.single(200, call.exchange(), call.responseContext(), stored,
                SuppliedAttributes.of(registry, call.type(), incoming));
    }
}
