package io.scimkit.core.protocol;

import io.scimkit.core.codec.PatchRequestCodec;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchEngine;
import io.scimkit.core.patch.PatchSettings;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.patch.PatchResult;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ResourceValidator;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code PATCH /{endpoint}/{id}} (RFC 7644 §3.5.2): reads the PatchOp body, refuses one with more
 * operations than {@link ServiceLimits#maxPatchOperations} (400 {@code tooMany}), lets the dialect
 * normalise it, loads the resource, checks {@code If-Match} (412, RFC 7644 §3.14), applies the
 * operations with the {@link PatchEngine} and the dialect's settings, validates the result and
 * writes it with compare-and-swap on the version it was computed from, retrying on a concurrent
 * writer ({@link OptimisticWrite}). A PATCH that changes nothing writes nothing, so
 * {@code meta.lastModified} and the ETag stay (RFC 7644 §3.5.2.1: adding a value that is already
 * there changes nothing). Groups go through
 * {@link GroupPatch}, which costs O(change) for member operations. Once the store has written the
 * change, listeners are told of it ({@link ChangeEvents}); a PATCH that fails or changes nothing
 * tells them nothing.
 *
 * <p>The answer is 204 with {@code ETag} and {@code Location} (as in RFC 7644 §3.5.2.1) or 200
 * with the projected resource, as {@link ServiceConfig#patchResponse(String)} says for the
 * resource type; always 200 when {@code attributes} or {@code excludedAttributes} is given
 * (§3.5.2). Attributes the request modified are returned even when {@code returned: request}
 * (RFC 7643 §7).
 */
final class PatchHandler {
    private static final AttributePath MEMBERS = AttributePath.of("members");

    private final SchemaRegistry registry;
    private final ResourceValidator validator;
    private final ResourceRenderer renderer;
    private final LoadProjections loads;
    private final GroupPatch groups;
    /**
     * One engine per resource type and dialect settings, reused across requests so that each
     * keeps the paths it resolved; bounded, since both come from the service's configuration.
     */
    private final Map<EngineKey, PatchEngine> engines = new ConcurrentHashMap<>();
    private static final int MAX_ENGINES = 64;

    /** The resource type by identity (configured once), the settings by value. */
    private record EngineKey(ResourceTypeIdentity type, PatchSettings settings) {
    }

    private static final class ResourceTypeIdentity {
        private final ResourceType type;

        ResourceTypeIdentity(ResourceType type) {
            this.type = type;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ResourceTypeIdentity identity && identity.type == type;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(type);
        }
    }

    PatchHandler(SchemaRegistry registry, ResourceValidator validator, ResourceRenderer renderer, LoadProjections loads) {
        this.registry = registry;
        this.validator = validator;
        this.renderer = renderer;
        this.loads = loads;
        this.groups = new GroupPatch(validator, loads);
    }

    /** What an attempt did: the resource after it, whether it wrote, what the request modified. */
    record Outcome(ScimResource resource, boolean written, Set<AttributePath> modified, boolean withoutMembers) {
    }

    private PatchEngine engine(ResourceType type, PatchSettings settings) {
        EngineKey key = new EngineKey(new ResourceTypeIdentity(type), settings);
        PatchEngine engine = engines.get(key);
        if (engine == null) {
            engine = PatchEngine.of(registry, type, settings);
            if (engines.size() < MAX_ENGINES) {
                engines.putIfAbsent(key, engine);
            }
        }
        return engine;
    }

    ScimResponse handle(ResourceCall call, String id) {
        ClientDialect dialect = call.dialect();
        PatchRequest sent = PatchRequestCodec.read(RequestBodies.json(call.request(), dialect));
        requireWithinLimit(sent, call.config().limits());
        PatchRequest request = dialect.normalizePatch(sent, call.type(), registry);
        PatchEngine engine = engine(call.type(), dialect.patchSettings());
        boolean withBody = call.projectionGiven()
                || call.config().patchResponse(call.type().name()) == PatchResponse.RESOURCE;
        // A group's members are never read back with the result: a response that returns them streams them.
        boolean streamMembers = withBody && call.isGroup() && call.store() instanceof GroupStore
                && call.requested().includes(MEMBERS);
        Projection written = call.isGroup() && (!withBody || streamMembers) ? loads.withoutMembers(call.type())
                : call.requested();
        StoreContext writeContext = call.context(written);
        Outcome outcome;
        if (call.isGroup()) {
            MemberPatchPlan plan = MemberPatchPlan.of(request, call.type(), registry,
                    dialect.patchSettings().filters());
            outcome = OptimisticWrite.run(Preconditions.hasIfMatch(call.request()),
                    () -> groups.attempt(call, id, request, plan, engine, writeContext));
        } else {
            outcome = OptimisticWrite.run(Preconditions.hasIfMatch(call.request()),
                    () -> attempt(call, id, request, engine, writeContext));
        }
        if (!withBody) {
            return ResourceRenderer.withResourceHeaders(ScimResponse.empty(204), call.exchange(), call.type(),
                    outcome.resource());
        }
        ScimResource resource = outcome.resource();
        if (streamMembers) {
            return renderer.streamedGroup(200, call.exchange(), call.responseContext(), (GroupStore) call.store(),
                    resource.without(MEMBERS.attribute()), outcome.modified());
        }
        if (outcome.withoutMembers() && call.requested().includes(MEMBERS)) {
            resource = call.load(call.responseContext(), id);
        }
        return renderer.single(200, call.exchange(), call.responseContext(), resource, outcome.modified());
    }

    /**
     * Refuses a request with more operations than {@link ServiceLimits#maxPatchOperations}, before
     * any is applied: 400 {@code tooMany} (RFC 7644 §3.12 defines it for too many results; it is
     * the nearest error type for too many operations).
     */
    private static void requireWithinLimit(PatchRequest request, ServiceLimits limits) {
        int count = request.operations().size();
        if (count > limits.maxPatchOperations()) {
            throw ScimException.tooMany("The PATCH request has " + count + " operations, more than the "
                    + limits.maxPatchOperations() + " this service accepts in one request; send them in several"
                    + " requests.");
        }
    }

    private Outcome attempt(ResourceCall call, String id, PatchRequest request, PatchEngine engine,
            StoreContext writeContext) {
        ScimResource existing = call.load(call.context(loads.everything(call.type())), id);
        Preconditions.requireIfMatch(call.request(), existing);
        PatchResult result = engine.apply(existing, request);
        if (!result.changed()) {
            return new Outcome(existing, false, Set.of(), false);
        }
        ScimResource validated = validator.validateStored(result.resource(), call.type());
        ScimResource stored = call.update(writeContext,
                new ResourceUpdate(id, Preconditions.version(existing), validated, MemberChanges.NONE),
                written -> ChangeEvents.user(call.eventContext(writeContext, id, written.resource()), existing,
                        validated));
        return new Outcome(stored, true, result.modified(), false);
    }
}
