package io.scimkit.core.protocol;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.codec.internal.ResourceWriter;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stored resource into what a client receives (RFC 7644 §3.1: the resource as the service
 * provider stored it, not an echo of the request): {@code meta} completed with the absolute
 * {@code location} (RFC 7643 §3.1) of this request's base URI and the
 * {@code resourceType}; a User's read-only {@code groups} filled from the group store
 * ({@code groupsOf}, RFC 7643 §4.1.2, only when the projection returns it); then the projection
 * applied and the JSON written. Single-resource responses carry {@code ETag} (= {@code meta.version},
 * RFC 7644 §3.14) and both {@code Location} (the RFC 7644 examples send it) and
 * {@code Content-Location} (which RFC 7643 §3.1 ties {@code meta.location} to). Immutable and
 * thread-safe.
 */
final class ResourceRenderer {
    private static final AttributePath GROUPS = AttributePath.of("groups");

    private final ServiceConfig config;
    private final ResourceCodec codec;
    private final ResourceWriter writer;

    ResourceRenderer(ServiceConfig config) {
        this.config = config;
        this.codec = ResourceCodec.of(config.registry());
        this.writer = new ResourceWriter(config.registry());
    }

    /** The absolute location of a resource: base URI + endpoint + id. */
    static String location(Exchange exchange, ResourceType type, String id) {
        return exchange.location(type.endpoint() + "/" + id);
    }

    /** The stored resource with {@code meta.location}, {@code meta.resourceType} and (for users) {@code groups}. */
    ScimResource complete(Exchange exchange, StoreContext context, ScimResource stored) {
        GroupStore groups = groupsToFill(context);
        return complete(exchange, context, stored,
                groups == null ? null : groups.groupsOf(groupContext(context), idOf(stored)));
    }

    /**
     * A page of stored resources completed as {@link #complete} does, with every User's
     * {@code groups} read in one call to the group store ({@link GroupStore#groupsOfEach}) rather
     * than one per resource.
     */
    List<ScimResource> completeAll(Exchange exchange, StoreContext context, List<ScimResource> stored) {
        GroupStore groups = groupsToFill(context);
        Map<String, List<GroupMembership>> memberships = null;
        if (groups != null) {
            List<String> ids = new ArrayList<>(stored.size());
            stored.forEach(resource -> ids.add(idOf(resource)));
            memberships = groups.groupsOfEach(groupContext(context), ids);
        }
        List<ScimResource> completed = new ArrayList<>(stored.size());
        for (ScimResource resource : stored) {
            completed.add(complete(exchange, context, resource,
                    memberships == null ? null : memberships.getOrDefault(idOf(resource), List.of())));
        }
        return completed;
    }

    /** @param memberships the User's groups, {@code null} to leave {@code groups} as stored */
    private ScimResource complete(Exchange exchange, StoreContext context, ScimResource stored,
            @Nullable List<GroupMembership> memberships) {
        ResourceType type = context.resourceType();
        String id = idOf(stored);
        Meta meta = stored.meta().orElse(new Meta(null, null, null, null, null));
        ScimResource completed = stored.withMeta(new Meta(type.name(), meta.created(), meta.lastModified(),
                location(exchange, type, id), meta.version()));
        return memberships == null ? completed : withGroups(exchange, completed, memberships);
    }

    /** The JSON of a resource after projection. */
    byte[] write(ScimResource completed, Projection projection, Set<AttributePath> requestModified) {
        return codec.write(projection.apply(completed, requestModified));
    }

    /** A single-resource response: body, {@code ETag}, {@code Location} and {@code Content-Location}. */
    ScimResponse single(int status, Exchange exchange, StoreContext context, ScimResource stored,
            Set<AttributePath> requestModified) {
        ScimResource completed = complete(exchange, context, stored);
        ScimResponse response = ScimResponse.json(status, write(completed, context.projection(), requestModified));
        return withResourceHeaders(response, exchange, context.resourceType(), completed);
    }

    /**
     * A single-group response whose {@code members} are written from the store while the body is
     * sent ({@link MemberStream}); {@code stored} is the group loaded without them.
     */
    ScimResponse streamedGroup(int status, Exchange exchange, StoreContext context, GroupStore store,
            ScimResource stored, Set<AttributePath> requestModified) {
        ScimResource completed = complete(exchange, context, stored);
        ScimResource projected = context.projection().apply(completed, requestModified);
        String id = completed.id().orElseThrow(() -> new IllegalStateException("a stored resource has an id"));
        ScimResponse response = ScimResponse.streamed(status, new MemberStream(writer, store, context, id, projected));
        return withResourceHeaders(response, exchange, context.resourceType(), completed);
    }

    /** {@code ETag}, {@code Location} and {@code Content-Location} for a resource (also on 204, RFC 7644 §3.5.2.1). */
    static ScimResponse withResourceHeaders(ScimResponse response, Exchange exchange, ResourceType type,
            ScimResource resource) {
        String id = resource.id().orElseThrow(() -> new IllegalStateException("a stored resource has an id"));
        String location = location(exchange, type, id);
        Map<String, String> headers = new LinkedHashMap<>(4);
        headers.put("Location", location);
        headers.put("Content-Location", location);
        String version = resource.meta().flatMap(Meta::versionTag).orElse(null);
        if (version != null) {
            headers.put("ETag", version);
        }
        return response.withHeaders(headers);
    }

    private static boolean hasGroupsAttribute(ResourceType type) {
        return type.schema().equalsIgnoreCase(CoreSchemas.USER_URN);
    }

    private static String idOf(ScimResource stored) {
        return stored.id().orElseThrow(() -> new IllegalStateException("a stored resource has an id"));
    }

    /** The group store to read a User's {@code groups} from, or {@code null} when none is filled in. */
    private @Nullable GroupStore groupsToFill(StoreContext context) {
        if (!hasGroupsAttribute(context.resourceType()) || !context.projection().includes(GROUPS)) {
            return null;
        }
        ResourceType groupType = config.registry().resourceType("Group").orElse(null);
        if (groupType == null || !config.stores().containsKey(groupType.name())) {
            return null;
        }
        return config.store(groupType.name()) instanceof GroupStore groups ? groups : null;
    }

    private StoreContext groupContext(StoreContext context) {
        ResourceType groupType = config.registry().resourceType("Group").orElseThrow();
        return context.forType(groupType, Projection.none(config.registry(), groupType));
    }

    private ScimResource withGroups(Exchange exchange, ScimResource user, List<GroupMembership> memberships) {
        ResourceType groupType = config.registry().resourceType("Group").orElseThrow();
        List<ScimValue> elements = new ArrayList<>();
        for (GroupMembership membership : memberships) {
            ComplexValue.Builder element = ComplexValue.builder()
                    .put("value", membership.groupId())
                    .put("$ref", ReferenceValue.of(location(exchange, groupType, membership.groupId())));
            if (membership.display() != null) {
                element.put("display", membership.display());
            }
            elements.add(element.put("type", "direct").build());
        }
        return elements.isEmpty() ? user.without("groups") : user.with("groups", MultiValue.of(elements));
    }
}
