package io.scimkit.core.protocol;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One resource type's part of a query, ready to run: its store, the filter compiled for the type,
 * the resolved sort, the projection of the response, and the store context.
 *
 * <p>The store context carries the response's projection, so that a store may skip what the
 * response leaves out ({@code excludedAttributes=members}, which Entra ID sends when it looks a
 * group up, never loads a member list). Only when the core must filter or sort on an attribute the
 * projection leaves out is the
 * store asked for whole resources.
 */
final class QueryTarget {
    private static final String MEMBERS = "members";

    private final Exchange exchange;
    private final ResourceRenderer renderer;
    private final CoreCursors cursors;
    private final StoreContext context;
    private final StoreContext fetch;
    private final ResourceStore store;
    private final @Nullable Filter filter;
    private final @Nullable ResourceMatcher matcher;
    private final @Nullable Sort sort;
    private final boolean filterReadsGroups;
    private final @Nullable GroupStore groups;
    private final @Nullable MemberBudget budget;

    /**
     * @param matcher {@code filter} compiled for the type; {@code null} exactly when {@code filter} is
     */
    QueryTarget(Exchange exchange, ResourceRenderer renderer, CoreCursors cursors, ResourceType type,
            Projection projection, @Nullable Filter filter, @Nullable ResourceMatcher matcher, @Nullable Sort sort) {
        this.exchange = exchange;
        this.renderer = renderer;
        this.cursors = cursors;
        this.store = exchange.config().store(type.name());
        this.context = Contexts.of(exchange, type, projection);
        this.filter = filter;
        this.sort = sort;
        this.filterReadsGroups = filter != null && type.schema().equalsIgnoreCase(CoreSchemas.USER_URN)
                && FilterAttributes.of(filter).stream().anyMatch(path -> path.attribute().equalsIgnoreCase("groups"));
        boolean whole = needsWholeResources(store.capabilities(), projection);
        this.groups = type.schema().equalsIgnoreCase(CoreSchemas.GROUP_URN) && store instanceof GroupStore group
                ? group : null;
        if (groups == null) {
            this.fetch = whole ? context.withProjection(Projection.none(exchange.config().registry(), type)) : context;
            this.matcher = matcher;
            this.budget = null;
            return;
        }
        // A group store never loads members for a query: a filter on them is decided by walking them
        // (MemberFilter), and a response that returns them gathers them within the members budget.
        boolean membersReturned = projection.includes(AttributePath.of(MEMBERS));
        this.fetch = whole || membersReturned
                ? context.withProjection(Projection.of(exchange.config().registry(), type, null, MEMBERS))
                : context;
        this.matcher = filter != null && matcher != null && !store.capabilities().evaluates(filter)
                && MemberFilter.readsMembers(filter)
                ? new MemberFilter(filter, FilterEvaluator.of(exchange.config().registry(), type), groups,
                        context.withProjection(Projection.none(exchange.config().registry(), type)))
                : matcher;
        this.budget = membersReturned ? new MemberBudget(exchange.config().limits().maxMembersPerResponse()) : null;
    }

    /** The page of matches the paging asks for. */
    StorePage page(Paging paging) {
        return StoreScan.page(fetch, store, filter, matcher, sort, paging, this::scope, this::prepare);
    }

    /** Every match, sorted if a sort was given. */
    List<ScimResource> matches() {
        return StoreScan.matches(fetch, store, filter, matcher, sort, this::prepare);
    }

    /** The core cursors of this query on this type's endpoint. */
    CursorScope scope() {
        return scope(cursors, exchange, context.tenant(), context.resourceType().endpoint(), filter,
                sort == null ? "" : sort.by().canonicalPath() + " " + sort.order().token());
    }

    /** The core cursors of a query, bound to the tenant, the endpoint, the filter and the sort. */
    static CursorScope scope(CoreCursors cursors, Exchange exchange, String tenant, String endpoint,
            @Nullable Filter filter, String sort) {
        // The tenant is length-prefixed: it is the one part a deployment, not the schema, chooses.
        String query = tenant.length() + ":" + tenant + '\n' + endpoint + '\n'
                + (filter == null ? "" : filter.toString()) + '\n' + sort;
        return new CursorScope(cursors, query, exchange.now());
    }

    /** What the client receives for a stored resource: completed (meta, groups) and projected. */
    ScimResource render(ScimResource stored) {
        ScimResource full = budget == null || groups == null ? stored : budget.withMembers(groups, context, stored);
        return context.projection().apply(renderer.complete(exchange, context, full), Set.of());
    }

    /**
     * What the client receives for a page of stored resources, as {@link #render} gives it for each;
     * the Users' {@code groups} are read for the whole page at once.
     */
    List<ScimResource> renderAll(List<ScimResource> stored) {
        List<ScimResource> full = stored;
        if (budget != null && groups != null) {
            full = new ArrayList<>(stored.size());
            for (ScimResource resource : stored) {
                full.add(budget.withMembers(groups, context, resource));
            }
        }
        List<ScimResource> rendered = renderer.completeAll(exchange, context, full);
        rendered.replaceAll(resource -> context.projection().apply(resource, Set.of()));
        return rendered;
    }

    /**
     * A User's {@code groups} comes from the group store, not the user store (RFC 7643 §4.1.2); a
     * filter the core evaluates on it needs it filled in first.
     */
    private ScimResource prepare(ScimResource stored) {
        if (!filterReadsGroups) {
            return stored;
        }
        return renderer.complete(exchange, fetch.withProjection(
                Projection.none(exchange.config().registry(), context.resourceType())), stored);
    }

    private boolean needsWholeResources(StoreCapabilities capabilities, Projection projection) {
        if (filter != null && !capabilities.evaluates(filter)
                && !FilterAttributes.of(filter).stream().allMatch(projection::includes)) {
            return true;
        }
        return sort != null && !capabilities.sorts() && !projection.includes(sort.by().canonicalPath());
    }
}
