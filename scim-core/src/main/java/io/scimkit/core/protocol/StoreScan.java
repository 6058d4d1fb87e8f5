package io.scimkit.core.protocol;

import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortKey;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a query on one resource type's store (RFC 7644 §3.4.2), doing in the core what the store's
 * {@link StoreCapabilities} say it cannot:
 *
 * <ul>
 *   <li>a filter the store does not evaluate: the store is asked for the part of an {@code and}
 *       it does evaluate (so {@code userName eq "x" and active eq true} is still a lookup), or
 *       else for every resource of the tenant (no filter, index pages of {@value #CHUNK}); the
 *       core filters, sorts and pages;
 *   <li>a sort the store does not do: the store filters, the core sorts all matches and pages;
 *   <li>cursor paging the store does not do: the store filters, sorts and pages by index, and the
 *       core issues and reads the cursors ({@link CoreCursors}).
 * </ul>
 * Each fallback is logged at debug level, because reading a whole tenant is slow for large ones.
 * Errors from the store (such as RFC 9865 {@code invalidCursor}, {@code expiredCursor}) pass
 * through unchanged.
 */
final class StoreScan {
    /** How many resources one store call fetches when the core reads everything. */
    static final int CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(StoreScan.class);

    private StoreScan() {
    }

    /**
     * The page of the resources matching a filter.
     *
     * @param filter the filter, or {@code null} for every resource
     * @param matcher the filter compiled for this type; {@code null} exactly when {@code filter} is
     * @param scope the core cursors of the query; built only when the core pages by cursor (building
     *     one renders the filter, which an index page does not need)
     * @param prepare what a resource needs before the core matches it (e.g. a User's {@code groups})
     */
    static StorePage page(StoreContext context, ResourceStore store, @Nullable Filter filter,
            @Nullable ResourceMatcher matcher, @Nullable Sort sort, Paging paging, Supplier<CursorScope> scope,
            UnaryOperator<ScimResource> prepare) {
        StoreCapabilities capabilities = store.capabilities();
        boolean storeFilters = filter == null || capabilities.evaluates(filter);
        boolean storeSorts = sort == null || capabilities.sorts();
        if (!storeFilters || !storeSorts) {
            return PageWindow.toStorePage(
                    PageWindow.of(matches(context, store, filter, matcher, sort, prepare), paging, scope.get()));
        }
        if (paging instanceof Paging.Cursor cursor && !capabilities.cursors()) {
            LOG.debug("the {} store does not page by cursor; the core pages by index behind its own cursors",
                    context.resourceType().name());
            CursorScope cursorScope = scope.get();
            int offset = cursorScope.offset(cursor.cursor());
            StorePage page = store.search(context, new StoreQuery(filter, sort,
                    new Paging.Index(offset + 1, cursor.count())));
            return PageWindow.toStorePage(
                    PageWindow.cursorPage(page.resources(), page.totalResults(), offset, cursor.count(), cursorScope));
        }
        return store.search(context, new StoreQuery(filter, sort, paging));
    }

    /**
     * Every resource matching a filter, sorted if a sort is given; the store does what it can.
     *
     * @param matcher the filter compiled for this type; {@code null} exactly when {@code filter} is
     */
    static List<ScimResource> matches(StoreContext context, ResourceStore store, @Nullable Filter filter,
            @Nullable ResourceMatcher matcher, @Nullable Sort sort, UnaryOperator<ScimResource> prepare) {
        StoreCapabilities capabilities = store.capabilities();
        boolean storeFilters = filter == null || capabilities.evaluates(filter);
        boolean storeSorts = sort == null || capabilities.sorts();
        Filter pushed = storeFilters ? filter : narrowing(filter, capabilities);
        if (!storeFilters) {
            LOG.debug("the {} store does not evaluate the filter; the core filters what the store returns for {}",
                    context.resourceType().name(), pushed == null ? "no filter" : "a part of it");
        }
        if (!storeSorts) {
            LOG.debug("the {} store does not sort; the core sorts every match", context.resourceType().name());
        }
        List<ScimResource> all = all(context, store, pushed, storeSorts ? sort : null);
        List<ScimResource> matches = all;
        if (!storeFilters && matcher != null) {
            matches = new ArrayList<>();
            for (ScimResource resource : all) {
                if (matcher.matches(prepare.apply(resource).body())) {
                    matches.add(resource);
                }
            }
        }
        return storeSorts || sort == null
                ? matches
                : SortKey.sort(matches, sort);
    }

    /**
     * A filter the store evaluates that every match of {@code filter} also matches: the
     * conjuncts of an {@code and} that the store evaluates; {@code null} if there are none, and the
     * store must list everything.
     */
    static @Nullable Filter narrowing(@Nullable Filter filter, StoreCapabilities capabilities) {
        if (filter == null || capabilities.evaluates(filter)) {
            return filter;
        }
        if (filter instanceof AndFilter and) {
            Filter left = narrowing(and.left(), capabilities);
            Filter right = narrowing(and.right(), capabilities);
            if (left != null && right != null) {
                Filter both = Filter.and(left, right);
                return capabilities.evaluates(both) ? both : left;
            }
            return left != null ? left : right;
        }
        return null;
    }

    /** Everything the store returns for the query, read in index pages. */
    private static List<ScimResource> all(StoreContext context, ResourceStore store, @Nullable Filter filter,
            @Nullable Sort sort) {
        List<ScimResource> all = new ArrayList<>();
        int start = 1;
        while (true) {
            StorePage page = store.search(context, new StoreQuery(filter, sort, new Paging.Index(start, CHUNK)));
            all.addAll(page.resources());
            if (page.resources().isEmpty() || all.size() >= page.totalResults()
                    || start > Integer.MAX_VALUE - CHUNK) {
                return all;
            }
            start += page.resources().size();
        }
    }
}
