package io.scimkit.core.protocol;

import io.scimkit.core.codec.internal.ListResponseWriter;
import io.scimkit.core.codec.internal.SearchRequestReader;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.message.internal.ListResponse;
import io.scimkit.core.message.internal.SearchRequest;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.StorePage;
import java.util.List;
import java.util.Optional;

/**
 * The query endpoints (RFC 7644 §3.4.2, §3.4.3; RFC 9865): {@code GET /{endpoint}} and, across every
 * resource type, {@code GET /} (§3.4.2.1) with the
 * {@code filter}, {@code sortBy}, {@code sortOrder}, {@code startIndex}, {@code count},
 * {@code cursor}, {@code attributes} and {@code excludedAttributes} parameters, and
 * {@code POST /{endpoint}/.search} and {@code POST /.search} with a SearchRequest body. Other
 * methods on a {@code .search} path are 405 with {@code Allow: POST} (RFC 9110 §15.5.6).
 *
 * <p>Both forms run the same way (RFC 7644 §3.4.3) and answer 200 with a ListResponse, also when
 * nothing matches (§3.4.2; Entra ID's Test Connection counts a 404 as a failure):
 * <ol>
 *   <li>the filter is parsed with the dialect's filter settings and the service's length and depth
 *       limits (400 {@code invalidFilter}); parsed filters are cached by text; the dialect then
 *       normalises it for each resource type ({@link io.scimkit.core.dialect.ClientDialect#normalizeFilter}),
 *       and the store sees that form;
 *   <li>on a typed endpoint it is compiled against the type's schema even when the store will
 *       evaluate it, so that an unknown attribute is 400 {@code invalidFilter} whatever the store
 *       (RFC 7644 §3.4.2.1 reads an undefined attribute as "no value" only in queries across
 *       resource types);
 *       {@code sortBy} is resolved the same way; see {@link QueryPlan} for paging;
 *   <li>the store runs the query, with the core doing what the store cannot ({@link StoreScan});
 *   <li>each resource is completed ({@code meta.location}, a User's {@code groups}) and projected
 *       (RFC 7644 §3.4.2, §3.9).
 * </ol>
 * The root queries ({@code GET /} and {@code POST /.search}) are described in {@link RootQuery}.
 * Immutable and thread-safe; one instance per service holds its filter cache and the key of its
 * cursors.
 */
final class QueryEndpoints implements Endpoint {
    private static final String SEARCH = ".search";

    private final ServiceConfig config;
    private final SchemaRegistry registry;
    private final FilterCache filters;
    private final CoreCursors cursors;
    private final SortResolver sorts;
    private final ResourceRenderer renderer;
    private final ListResponseWriter writer;
    private final RootQuery root;

    QueryEndpoints(ServiceConfig config) {
        this.config = config;
        this.registry = config.registry();
        FilterSettings settings = config.dialect().filterSettings()
                .withMaxLength(config.limits().maxFilterLength())
                .withMaxDepth(config.limits().maxFilterDepth());
        this.filters = new FilterCache(settings);
        this.cursors = new CoreCursors(config.limits().cursorTimeout());
        this.sorts = new SortResolver(registry);
        this.renderer = new ResourceRenderer(config);
        this.writer = ListResponseWriter.of(registry);
        this.root = new RootQuery(registry, renderer, cursors, sorts);
    }

    @Override
    public boolean serves(Exchange exchange) {
        List<String> segments = exchange.segments();
        if (segments.isEmpty()) {
            return exchange.method().equals("GET"); // a query at the service root (RFC 7644 §3.4.2.1)
        }
        if (segments.size() == 1) {
            return isSearch(segments.get(0))
                    || exchange.method().equals("GET") && type(segments.get(0)).isPresent();
        }
        return segments.size() == 2 && isSearch(segments.get(1)) && type(segments.get(0)).isPresent();
    }

    @Override
    public ScimResponse handle(Exchange exchange) {
        List<String> segments = exchange.segments();
        boolean search = !segments.isEmpty() && isSearch(segments.get(segments.size() - 1));
        if (search && !exchange.method().equals("POST")) {
            return ScimResponse.error(ScimException.methodNotAllowed(
                    "a query at .search is sent with POST (RFC 7644 §3.4.3)")).withHeader("Allow", "POST");
        }
        SearchRequest request = search
                ? SearchRequestReader.read(RequestBodies.json(exchange.request(), exchange.dialect()))
                : SearchParameters.read(exchange.request().query());
        QueryPlan plan = QueryPlan.of(request, config.limits(), filters);
        ListResponse response = segments.isEmpty() || segments.size() == 1 && search
                ? root.run(exchange, request, plan)
                : query(exchange, type(segments.get(0)).orElseThrow(), request, plan);
        return ScimResponse.json(200, writer.write(response));
    }

    private ListResponse query(Exchange exchange, ResourceType type, SearchRequest request, QueryPlan plan) {
        Projection projection = Projection.of(registry, type, request.attributes(), request.excludedAttributes());
        Filter filter = plan.filter() == null ? null
                : exchange.dialect().normalizeFilter(plan.filter(), type, registry);
        ResourceMatcher matcher = filter == null ? null : FilterEvaluator.of(registry, type).compile(filter);
        Sort sort = plan.sortBy() == null ? null : sorts.resolve(type, plan.sortBy(), plan.sortOrder());
        QueryTarget target = new QueryTarget(exchange, renderer, cursors, type, projection, filter, matcher, sort);
        StorePage page = target.page(plan.paging());
        List<ScimResource> stored = page.resources();
        if (stored.size() > plan.paging().count()) {
            stored = stored.subList(0, plan.paging().count()); // never more than count (RFC 7644 §3.4.2.4)
        }
        List<ScimResource> resources = target.renderAll(stored);
        return plan.paging() instanceof Paging.Index index
                ? ListResponse.index(resources, page.totalResults(), index.startIndex())
                : ListResponse.cursor(resources, page.totalResults(), page.nextCursor(), page.previousCursor());
    }

    private Optional<ResourceType> type(String segment) {
        return registry.resourceTypeAt("/" + segment);
    }

    private static boolean isSearch(String segment) {
        return segment.equalsIgnoreCase(SEARCH);
    }
}
