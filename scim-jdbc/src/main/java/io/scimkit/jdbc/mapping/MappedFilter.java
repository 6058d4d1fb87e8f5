package io.scimkit.jdbc.mapping;

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
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.jdbc.internal.query.LikePatterns;
import io.scimkit.jdbc.internal.query.SqlFragment;
import io.scimkit.jdbc.mapping.SqlMapping.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Filters (RFC 7644 §3.4.2.2) and sorts (§3.4.2.3) on mapped columns as SQL over the table
 * aliased {@code r}, with every value a parameter. What it cannot translate exactly it leaves to
 * the core ({@code null}): attributes in the JSON column, {@code ne}, ordering comparisons of
 * text (the column's collation decides those), converters other than {@link ValueConverter#flag}.
 *
 * <p>Strings that are not {@code caseExact} ({@code userName}, {@code displayName},
 * {@code emails.value}) compare as {@code LOWER(column) = LOWER(?)} and
 * {@code LOWER(column) LIKE LOWER(?) ESCAPE '\'}, whatever the column's collation; an index on
 * {@code LOWER(column)} serves them.
 */
final class MappedFilter {
    private final SchemaRegistry registry;
    private final MappedTable table;

    MappedFilter(SchemaRegistry registry, MappedTable table) {
        this.registry = registry;
        this.table = table;
    }

    /** The predicate of the filter, or {@code null} when it is not evaluated in SQL. */
    @Nullable SqlFragment compile(Filter filter) {
        return filter.accept(new Compiler());
    }

    /** The ORDER BY list of a sort on a mapped column (ties by id), or {@code null} when the core must sort. */
    @Nullable String orderBy(@Nullable Sort sort) {
        String id = "r." + table.id() + " ASC";
        if (sort == null) {
            return id;
        }
        MappedTable.Field field = table.field(sort.by());
        if (field == null || field.converter() != null || sort.by().attribute().multiValued()) {
            return null;
        }
        String column = "r." + field.column();
        String value = field.kind() == ColumnKind.TEXT && !field.attribute().leaf().caseExact()
                ? "LOWER(" + column + ")" : column;
        boolean descending = sort.order() == SortOrder.DESCENDING;
        // Without a value: last ascending, first descending (RFC 7644 §3.4.2.3).
        return "CASE WHEN " + column + " IS NULL THEN " + (descending ? 0 : 1) + " ELSE " + (descending ? 1 : 0)
                + " END, " + value + (descending ? " DESC" : " ASC") + ", " + id;
    }

    /** A column a filter path names, with the definition its values follow. */
    private record Target(String column, ColumnKind kind, @Nullable AttributeDefinition definition,
            @Nullable ValueConverter converter, boolean isId) {
    }

    private final class Compiler implements FilterVisitor<@Nullable SqlFragment> {
        @Override
        public @Nullable SqlFragment visitAnd(AndFilter filter) {
            SqlFragment left = filter.left().accept(this);
            SqlFragment right = left == null ? null : filter.right().accept(this);
            return right == null ? null : left.and(right);
        }

        @Override
        public @Nullable SqlFragment visitOr(OrFilter filter) {
            SqlFragment left = filter.left().accept(this);
            SqlFragment right = left == null ? null : filter.right().accept(this);
            return right == null ? null : left.or(right);
        }

        @Override
        public @Nullable SqlFragment visitNot(NotFilter filter) {
            // Every predicate here is TRUE or FALSE, never NULL: NOT is the logical negation.
            SqlFragment inner = filter.inner().accept(this);
            return inner == null ? null : inner.not();
        }

        @Override
        public @Nullable SqlFragment visitComparison(ComparisonFilter filter) {
            Target target = target(filter.path());
            return target == null ? null : test(target, filter.op(), filter.value());
        }

        @Override
        public @Nullable SqlFragment visitPresent(PresentFilter filter) {
            Target target = target(filter.path());
            return target == null ? null : present(target);
        }

        @Override
        public @Nullable SqlFragment visitValuePath(ValuePathFilter filter) {
            ResolvedAttribute attribute = registry.resolve(table.type(), filter.path()).orElse(null);
            if (attribute == null || attribute.subAttribute() != null) {
                return null;
            }
            List<Filter> conjuncts = new ArrayList<>();
            flatten(filter.inner(), conjuncts);
            for (MappedTable.Field field : table.fields()) {
                if (field.by() != null && field.attribute().attribute().name().equals(attribute.attribute().name())
                        && java.util.Objects.equals(field.attribute().extensionUrn(), attribute.extensionUrn())) {
                    SqlFragment element = element(field, conjuncts);
                    if (element != null) {
                        return element;
                    }
                }
            }
            return null;
        }

        /**
         * {@code attr[by eq "literal" and sub op value ...]} on the column of
         * {@code attr[by eq "literal"].sub}: the element exists exactly when the column has a value.
         */
        private @Nullable SqlFragment element(MappedTable.Field field, List<Filter> conjuncts) {
            AttributeDefinition by = field.attribute().attribute().subAttribute(field.by()).orElse(null);
            AttributeDefinition sub = field.attribute().leaf();
            Target target = new Target("r." + field.column(), field.kind(), sub, field.converter(), false);
            boolean picked = false;
            SqlFragment result = SqlFragment.of("r." + field.column() + " IS NOT NULL");
            for (Filter conjunct : conjuncts) {
                if (conjunct instanceof ComparisonFilter comparison && comparison.path().subAttribute() == null
                        && comparison.path().schemaUrn() == null && by != null
                        && comparison.path().attribute().equalsIgnoreCase(by.name()) && comparison.op() == CompareOp.EQ
                        && comparison.value() instanceof StringValue literal
                        && (by.caseExact() ? literal.value().equals(field.literal())
                                : literal.value().equalsIgnoreCase(field.literal()))) {
                    picked = true;
                    continue;
                }
                SqlFragment test = null;
                if (conjunct instanceof ComparisonFilter comparison && names(comparison.path(), sub)) {
                    test = test(target, comparison.op(), comparison.value());
                } else if (conjunct instanceof PresentFilter present && names(present.path(), sub)) {
                    test = present(target);
                }
                if (test == null) {
                    return null;
                }
                result = result.and(test);
            }
            return picked ? result : null;
        }

        private static boolean names(AttributePath path, AttributeDefinition sub) {
            return path.schemaUrn() == null && path.subAttribute() == null && path.attribute().equalsIgnoreCase(sub.name());
        }

        private static void flatten(Filter filter, List<Filter> into) {
            if (filter instanceof AndFilter and) {
                flatten(and.left(), into);
                flatten(and.right(), into);
            } else {
                into.add(filter);
            }
        }
    }

    private @Nullable Target target(AttributePath path) {
        if (path.schemaUrn() == null && path.subAttribute() == null && path.attribute().equalsIgnoreCase("id")) {
            return new Target("r." + table.id(), table.kind(table.id()), null, null, true);
        }
        if (path.schemaUrn() == null && path.attribute().equalsIgnoreCase("meta") && path.subAttribute() != null) {
            Role role = switch (path.subAttribute().toLowerCase(Locale.ROOT)) {
                case "created" -> Role.CREATED;
                case "lastmodified" -> Role.LAST_MODIFIED;
                default -> null;
            };
            String column = role == null ? null : table.column(role);
            return column == null ? null : new Target("r." + column, table.kind(column),
                    AttributeDefinition.builder(path.subAttribute()).type(AttributeType.DATE_TIME).build(), null, false);
        }
        ResolvedAttribute resolved = registry.resolve(table.type(), path).orElse(null);
        MappedTable.Field field = resolved == null || resolved.attribute().multiValued() ? null : table.field(resolved);
        return field == null ? null
                : new Target("r." + field.column(), field.kind(), resolved.leaf(), field.converter(), false);
    }

    private @Nullable SqlFragment test(Target target, CompareOp op, ScimValue operand) {
        String column = target.column();
        if (target.isId()) {
            if (op != CompareOp.EQ || !(operand instanceof StringValue id)) {
                return null;
            }
            Object key = table.key(id.value());
            return key == null ? SqlFragment.of("1 = 0") : SqlFragment.of(column + " = ?", key);
        }
        if (target.converter() != null) {
            return target.converter() instanceof FlagConverter flag && op == CompareOp.EQ
                    && operand instanceof BooleanValue bool
                    ? SqlFragment.of("(" + column + " IS NOT NULL AND " + column + (bool.value() ? " = ?)" : " <> ?)"),
                            flag.trueValue())
                    : null;
        }
        AttributeDefinition definition = target.definition();
        if (definition == null) {
            return null;
        }
        return switch (definition.type()) {
            case STRING, REFERENCE -> operand instanceof StringValue text ? text(column, definition.caseExact(), op,
                    text.value()) : null;
            case BOOLEAN -> op == CompareOp.EQ && operand instanceof BooleanValue bool
                    ? SqlFragment.of("(" + column + " IS NOT NULL AND " + column + " = ?)", bool.value()) : null;
            case INTEGER -> operand instanceof IntegerValue number ? ordered(column, op, number.value()) : null;
            case DECIMAL -> operand instanceof IntegerValue number ? ordered(column, op, BigDecimal.valueOf(number.value()))
                    : operand instanceof DecimalValue number ? ordered(column, op, number.value()) : null;
            case DATE_TIME -> {
                Instant instant = operand instanceof StringValue text
                        ? DateTimeValue.parse(text.value()).map(DateTimeValue::instant).orElse(null) : null;
                // Timestamp columns keep microseconds at best: a finer operand would be rounded.
                yield instant == null || instant.getNano() % 1000 != 0 ? null
                        : ordered(column, op, MappedTable.time(instant, target.kind()));
            }
            case BINARY, COMPLEX -> null;
        };
    }

    private static @Nullable SqlFragment text(String column, boolean caseExact, CompareOp op, String value) {
        String left = caseExact ? column : "LOWER(" + column + ")";
        String right = caseExact ? "?" : "LOWER(?)";
        return switch (op) {
            case EQ -> SqlFragment.of("(" + column + " IS NOT NULL AND " + left + " = " + right + ")", value);
            case CO, SW, EW -> SqlFragment.of("(" + column + " IS NOT NULL AND " + left + " LIKE " + right
                    + " ESCAPE '\\')", LikePatterns.of(op, value));
            default -> null;
        };
    }

    private static @Nullable SqlFragment ordered(String column, CompareOp op, Object value) {
        String symbol = switch (op) {
            case EQ -> "=";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> null;
        };
        return symbol == null ? null : SqlFragment.of("(" + column + " IS NOT NULL AND " + column + " " + symbol + " ?)", value);
    }

    private static @Nullable SqlFragment present(Target target) {
        if (target.isId()) {
            return SqlFragment.of("1 = 1");
        }
        if (target.converter() != null && !(target.converter() instanceof FlagConverter)) {
            return null;
        }
        return target.kind() == ColumnKind.TEXT && target.converter() == null
                ? SqlFragment.of("(" + target.column() + " IS NOT NULL AND " + target.column() + " <> '')")
                : SqlFragment.of(target.column() + " IS NOT NULL");
    }
}
