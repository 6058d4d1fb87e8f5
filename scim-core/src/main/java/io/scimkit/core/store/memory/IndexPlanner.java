package io.scimkit.core.store.memory;

import io.scimkit.core.store.IndexKey;
import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.CompareOp;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterVisitor;
import io.scimkit.core.filter.NotFilter;
import io.scimkit.core.filter.OrFilter;
import io.scimkit.core.filter.PresentFilter;
import io.scimkit.core.filter.ValuePathFilter;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.StringValue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the candidates of a filter from the indexes instead of a scan, so that an identity
 * provider's lookups cost O(1) however large the tenant: an
 * {@code eq} with a string operand on an indexed attribute ({@code id} and the store's indexed
 * attributes), anywhere an {@code and} makes
 * it necessary, both sides of an {@code or}, and inside a value path, so Entra's
 * {@code emails[type eq "work" and value eq "x"]} uses the {@code emails.value} index. The
 * candidates are a superset of the matches (index keys are never finer than the evaluator's
 * equality, see {@link IndexKey}); the caller checks each with the compiled matcher.
 * Immutable; {@link #candidates} runs under the partition's read lock.
 */
final class IndexPlanner {
    private static final AttributePath ID = AttributePath.of("id");

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final Map<AttributePath, IndexedAttribute> indexed = new HashMap<>();

    IndexPlanner(SchemaRegistry registry, ResourceType type, Iterable<IndexedAttribute> attributes) {
        this.registry = registry;
        this.type = type;
        attributes.forEach(attribute -> indexed.put(attribute.attribute().canonicalPath(), attribute));
    }

    /** The ids that may match, or {@code null} if the filter needs a scan. */
    @Nullable Set<String> candidates(Filter filter, Partition partition) {
        return filter.accept(new Planner(partition, null));
    }

    /** Visits a filter; inside a value path {@code parent} is the bracketed attribute. */
    private final class Planner implements FilterVisitor<@Nullable Set<String>> {
        private final Partition partition;
        private final @Nullable AttributePath parent;

        Planner(Partition partition, @Nullable AttributePath parent) {
            this.partition = partition;
            this.parent = parent;
        }

        @Override
        public @Nullable Set<String> visitAnd(AndFilter filter) {
            Set<String> left = filter.left().accept(this);
            Set<String> right = filter.right().accept(this);
            if (left == null) {
                return right;
            }
            return right == null || left.size() <= right.size() ? left : right;
        }

        @Override
        public @Nullable Set<String> visitOr(OrFilter filter) {
            Set<String> left = filter.left().accept(this);
            Set<String> right = left == null ? null : filter.right().accept(this);
            if (left == null || right == null) {
                return null;
            }
            Set<String> union = new LinkedHashSet<>(left);
            union.addAll(right);
            return union;
        }

        @Override
        public @Nullable Set<String> visitNot(NotFilter filter) {
            return null;
        }

        @Override
        public @Nullable Set<String> visitPresent(PresentFilter filter) {
            return null;
        }

        @Override
        public @Nullable Set<String> visitValuePath(ValuePathFilter filter) {
            return parent == null ? filter.inner().accept(new Planner(partition, filter.path())) : null;
        }

        @Override
        public @Nullable Set<String> visitComparison(ComparisonFilter filter) {
            if (filter.op() != CompareOp.EQ || !(filter.value() instanceof StringValue operand)) {
                return null;
            }
            AttributePath path = filter.path();
            if (parent != null) {
                if (path.schemaUrn() != null || path.hasSubAttribute()) {
                    return null;
                }
                path = parent.withSubAttribute(path.attribute());
            }
            Optional<AttributePath> canonical = canonical(path);
            if (canonical.isEmpty()) {
                return null;
            }
            return lookup(canonical.get(), operand.value());
        }

        private @Nullable Set<String> lookup(AttributePath path, String operand) {
            if (path.equals(ID)) {
                return partition.entry(operand) == null ? Set.of() : Set.of(operand);
            }
            IndexedAttribute attribute = indexed.get(path);
            AttributeIndex index = attribute == null ? null : partition.index(attribute);
            return index == null ? null : index.lookup(operand);
        }
    }

    /**
     * The canonical path a comparison reaches: a complex attribute without a sub-attribute
     * compares its {@code value} sub-attribute, as the filter evaluator reads {@code emails eq "x"}
     * (RFC 7644 §3.4.2.2 asks for a sub-attribute, but clients send this).
     */
    private Optional<AttributePath> canonical(AttributePath path) {
        Optional<ResolvedAttribute> resolved = registry.resolve(type, path);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        ResolvedAttribute at = resolved.get();
        if (at.leaf().isComplex()) {
            return at.subAttribute() == null && at.attribute().subAttribute("value").isPresent()
                    ? Optional.of(at.canonicalPath().withSubAttribute("value"))
                    : Optional.empty();
        }
        return Optional.of(at.canonicalPath());
    }
}
