package io.scimkit.core.protocol;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.BooleanValue;

/**
 * {@code DELETE /{endpoint}/{id}} (RFC 7644 §3.6): checks {@code If-Match} (412, P-DEL-05, K-42),
 * then follows the {@link DeletePolicy}: {@code HARD} removes the resource (afterwards 404,
 * P-DEL-02; a deleted user leaves every group, K-64, done by the store); {@code SOFT} sets
 * {@code active} to false on resource types that have that attribute, so the resource is still
 * found (Entra's disable, ENTRA-PROVISIONING.md §2.5), and deletes the others. Answers 204 without
 * a body (P-DEL-01, K-30); 404 for an unknown id (P-DEL-06).
 */
final class DeleteHandler {
    private static final String ACTIVE = "active";

    private final SchemaRegistry registry;
    private final LoadProjections loads;

    DeleteHandler(SchemaRegistry registry, LoadProjections loads) {
        this.registry = registry;
        this.loads = loads;
    }

    ScimResponse handle(ResourceCall call, String id) {
        boolean conditional = Preconditions.hasIfMatch(call.request());
        StoreContext context = call.context(call.isGroup() ? loads.withoutMembers(call.type())
                : loads.everything(call.type()));
        if (call.config().deletePolicy() == DeletePolicy.SOFT && hasActive(call.type())) {
            OptimisticWrite.run(conditional, () -> {
                deactivate(call, context, id);
                return Boolean.TRUE;
            });
        } else if (conditional) {
            ScimResource existing = call.load(context, id);
            Preconditions.requireIfMatch(call.request(), existing);
            call.store().delete(context, new ResourceDelete(id, Preconditions.version(existing)));
        } else {
            call.store().delete(context, ResourceDelete.of(id));
        }
        return ScimResponse.empty(204);
    }

    private static void deactivate(ResourceCall call, StoreContext context, String id) {
        ScimResource existing = call.load(context, id);
        Preconditions.requireIfMatch(call.request(), existing);
        if (BooleanValue.FALSE.equals(existing.body().getOrNull(ACTIVE))) {
            return;
        }
        call.store().update(context, new ResourceUpdate(id, Preconditions.version(existing),
                existing.with(ACTIVE, BooleanValue.FALSE), MemberChanges.NONE));
    }

    private boolean hasActive(ResourceType type) {
        return registry.resolve(type, AttributePath.of(ACTIVE))
                .filter(resolved -> resolved.extensionUrn() == null && resolved.subAttribute() == null)
                .map(resolved -> resolved.attribute().type() == AttributeType.BOOLEAN && !resolved.attribute().multiValued())
                .orElse(false);
    }
}
