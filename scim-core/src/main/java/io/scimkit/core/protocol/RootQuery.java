package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.message.internal.ListResponse;
import io.scimkit.core.message.internal.SearchRequest;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A query at the service root, {@code GET /} or {@code POST /.search}, across every resource type
 * (RFC 7644 §3.4.2.1, §3.4.3).
 *
 * <ul>
 *   <li>The filter must parse (else 400 {@code invalidFilter}); it is then normalised by the
 *       dialect and compiled per type. An attribute a type does not define has no value there
 *       (RFC 7644 §3.4.2.1: "a presence or equality filter for an undefined attribute evaluates to
 *       false"), so {@code userName eq "x" or displayName eq "y"} finds the User {@code x} and the
 *       Group {@code y}, and {@code userName ne "x"} every Group ({@link TypeFilters}). Any other
 *       misfit, such as an operand of the wrong type for an attribute a type has, is 400
 *       {@code invalidFilter} as on a typed endpoint.
 *       {@code meta.resourceType eq "User"} narrows the query to one type.
 *   <li>{@code sortBy} is resolved per type; resources of a type without the attribute have no
 *       value and sort last (first when descending). A name no type defines, or one that names a
 *       complex attribute, is 400 {@code invalidValue} (the RFC does not say; a sort the service
 *       cannot perform must not look like one it performed).
 *   <li>Results are concatenated in the registry's resource-type order (then sorted, if asked),
 *       projected per type, and paged in the core; cursors are the core's ({@link CoreCursors}).
 * </ul>
 * Every match of every type is read to page them, which is fine for the occasional root query
 * but not for a hot path; Entra never sends one.
 */
final class RootQuery {
    private final SchemaRegistry registry;
    private final ResourceRenderer renderer;
    private final CoreCursors cursors;
    private final SortResolver sorts;

    RootQuery(SchemaRegistry registry, ResourceRenderer renderer, CoreCursors cursors, SortResolver sorts) {
        this.registry = registry;
        this.renderer = renderer;
        this.cursors = cursors;
        this.sorts = sorts;
    }

    /** Runs a query that the plan resolved. */
    ListResponse run(Exchange exchange, SearchRequest request, QueryPlan plan) {
        ScimPrincipal principal = exchange.principal();
        if (principal == null) {
            throw ScimException.unauthorized("authentication required");
        }
        List<Hit> hits = new ArrayList<>();
        boolean sortDefined = false;
        for (ResourceType type : registry.resourceTypes()) {
            Sort sort = plan.sortBy() == null ? null
                    : sorts.resolveIfDefined(type, plan.sortBy(), plan.sortOrder()).orElse(null);
            sortDefined |= sort != null;
            TypeFilters.Reduced reduced = plan.filter() == null ? TypeFilters.Constant.TRUE
                    : TypeFilters.reduce(plan.filter(), registry, type);
            if (reduced instanceof TypeFilters.Constant constant && !constant.holds()) {
                continue; // the filter matches no resource of this type: do not read them
            }
            Filter filter = reduced instanceof TypeFilters.Remaining remaining
                    ? exchange.dialect().normalizeFilter(remaining.filter(), type, registry)
                    : null;
            ResourceMatcher matcher = filter == null ? null : FilterEvaluator.of(registry, type).compile(filter);
            Projection projection = Projection.of(registry, type, request.attributes(), request.excludedAttributes());
            QueryTarget target = new QueryTarget(exchange, renderer, cursors, type, projection, filter, matcher,
                    sort);
            for (ScimResource resource : target.matches()) {
                hits.add(new Hit(target, resource, sort == null ? SortKey.missing() : SortKey.of(resource, sort)));
            }
        }
        if (plan.sortBy() != null && !sortDefined) {
            throw ScimException.invalidValue("sortBy names an attribute that no resource type has");
        }
        if (plan.sortBy() != null) {
            hits.sort(Comparator.comparing(Hit::key, SortKey.order(plan.sortOrder())));
        }
        String sortText = plan.sortBy() == null ? ""
                : plan.sortBy().toLowerCase(Locale.ROOT) + " " + plan.sortOrder().token();
        CursorScope scope = QueryTarget.scope(cursors, exchange, principal.tenant(), "/", plan.filter(), sortText);
        PageWindow<Hit> window = PageWindow.of(hits, plan.paging(), scope);
        List<ScimResource> page = new ArrayList<>(window.items().size());
        for (Hit hit : window.items()) {
            page.add(hit.target().render(hit.resource()));
        }
        return plan.paging() instanceof Paging.Index index
                ? ListResponse.index(page, window.total(), index.startIndex())
                : ListResponse.cursor(page, window.total(), window.nextCursor(), window.previousCursor());
    }

    /** One match and the type it came from. */
    private record Hit(QueryTarget target, ScimResource resource, SortKey key) {
    }
}
