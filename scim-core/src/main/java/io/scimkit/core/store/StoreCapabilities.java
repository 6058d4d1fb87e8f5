package io.scimkit.core.store;

import io.scimkit.core.filter.CompareOp;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a store does itself when it answers a query (RFC 7644 §3.4.2); the core does the rest.
 *
 * <ul>
 *   <li>A filter the store does not evaluate never reaches its {@link ResourceStore#search}. If the
 *       filter is an {@code and} with a part the store evaluates (such as
 *       {@code userName eq "x" and active eq true}), the core asks the store for that part and
 *       checks the whole filter itself; otherwise it reads every resource of the tenant, in pages
 *       without a filter, and filters them (slow for large tenants, and logged at debug level).
 *   <li>A store that does not sort is never given a sort: the core sorts all matches.
 *   <li>A store that does not page by cursor (RFC 9865) is only given index pages: the core issues
 *       and reads the cursors itself.
 * </ul>
 *
 * So the least a store must answer is a search with no filter, no sort and an index page, which is
 * what {@link #none()} declares; {@link #builder()} declares more.
 */
public interface StoreCapabilities {

    /**
     * Whether the store evaluates this filter exactly, with the semantics of RFC 7644 §3.4.2.2 and
     * the attributes' {@code caseExact} (for example, {@code userName eq} ignores case).
     */
    boolean evaluates(Filter filter);

    /** Whether the store sorts itself (RFC 7644 §3.4.2.3); if not, the core sorts. */
    boolean sorts();

    /** Whether the store pages by cursor itself (RFC 9865); if not, the core does, over index pages. */
    boolean cursors();

    /** A store that evaluates no filter, does not sort and pages by index only: the core does the rest. */
    static StoreCapabilities none() {
        return builder().build();
    }

    /** A store that evaluates every filter, sorts and pages by cursor, like the in-memory store. */
    static StoreCapabilities everything() {
        return builder().filters(filter -> true).sorting().cursors().build();
    }

    /** A builder that starts from {@link #none()}. */
    static Builder builder() {
        return new Builder();
    }

    /** Declares capabilities piece by piece. Not thread-safe; what it builds is immutable. */
    final class Builder {
        private final List<Predicate<Filter>> filters = new ArrayList<>();
        private boolean sorts;
        private boolean cursors;

        private Builder() {
        }

        /**
         * The store answers {@code attribute eq "text"} for each of these attributes, e.g.
         * {@code lookups("userName", "externalId", "emails.value")}: the lookups Entra ID and Okta
         * make before every create. Names are attribute paths, compared without regard to case;
         * an attribute of the resource type's core schema may also come with its schema URN. The
         * store must compare as the attribute's {@code caseExact} says ({@link IndexKey} gives a
         * key that does).
         */
        public Builder lookups(String... attributes) {
            List<AttributePath> paths = new ArrayList<>();
            for (String attribute : attributes) {
                paths.add(AttributePath.parse(Objects.requireNonNull(attribute, "attribute")));
            }
            filters.add(filter -> filter instanceof ComparisonFilter comparison && comparison.op() == CompareOp.EQ
                    && comparison.value() instanceof StringValue && paths.stream().anyMatch(path -> names(path, comparison.path())));
            return this;
        }

        /** The store evaluates the filters this predicate accepts (several calls add up). */
        public Builder filters(Predicate<Filter> evaluates) {
            filters.add(Objects.requireNonNull(evaluates, "evaluates"));
            return this;
        }

        /** The store sorts by any attribute (RFC 7644 §3.4.2.3). */
        public Builder sorting() {
            this.sorts = true;
            return this;
        }

        /** The store pages by cursor (RFC 9865) and issues its own cursors. */
        public Builder cursors() {
            this.cursors = true;
            return this;
        }

        /** The capabilities declared so far. */
        public StoreCapabilities build() {
            return new DeclaredCapabilities(List.copyOf(filters), sorts, cursors);
        }

        private static boolean names(AttributePath declared, AttributePath used) {
            if (!declared.attribute().equalsIgnoreCase(used.attribute())
                    || !Objects.equals(lower(declared.subAttribute()), lower(used.subAttribute()))) {
                return false;
            }
            if (declared.schemaUrn() != null) {
                return used.schemaUrn() != null && declared.schemaUrn().equalsIgnoreCase(used.schemaUrn());
            }
            return used.schemaUrn() == null
                    || used.schemaUrn().toLowerCase(Locale.ROOT).startsWith("urn:ietf:params:scim:schemas:core:");
        }

        private static @Nullable String lower(@Nullable String text) {
            return text == null ? null : text.toLowerCase(Locale.ROOT);
        }
    }
}
