package io.scimkit.jdbc.internal.query;

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
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.jdbc.schema.Dialect;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a SCIM filter (RFC 7644 §3.4.2.2) into a SQL predicate over the resource table
 * {@code r} with exactly the semantics of the core's {@code FilterEvaluator}, or reports that it
 * cannot; the store then declares the filter through its capabilities and the core evaluates it.
 *
 * <p>What is pushed down: comparisons and {@code pr} on the attributes the store keeps in columns
 * ({@code id}, {@code externalId}, {@code meta.created}, {@code meta.lastModified}; Users:
 * {@code userName}, {@code active}, {@code emails.value}/{@code type}/{@code primary}; Groups:
 * {@code displayName}, {@code members.value}), also when written with their schema URN;
 * {@code and}, {@code or}, {@code not}; value paths over {@code emails} and {@code members} as
 * {@code EXISTS} over the child table, every condition on the same row (RFC 7644 §3.4.2.2: a value
 * filter holds when one element satisfies all of it).
 * Attributes that are not caseExact compare on folded columns (the fold the evaluator uses), so
 * {@code eq}, {@code co}, {@code sw}, {@code ew} are exact; {@code co}/{@code sw}/{@code ew} are
 * {@code LIKE ? ESCAPE '\'} with the operand's wildcards escaped. {@code ne} is {@code not eq}
 * over every value of a multi-valued attribute (so an absent attribute matches it), and
 * {@code eq null} is {@code not pr}, {@code ne null} is {@code pr}: the RFC gives neither a
 * meaning, and these are the evaluator's. Every predicate is two-valued (a NULL column
 * gives FALSE, never NULL), so {@code NOT} negates exactly.
 *
 * <p>What is not: attributes kept only in the JSON body (names, extension attributes,
 * {@code groups}, {@code schemas}, {@code meta.version} and so on), {@code emails pr} on the
 * complex attribute, {@code gt ge lt le} on strings where the database does not order as Java
 * does (PostgreSQL), dateTime operands finer than a microsecond, and anything the evaluator
 * rejects (type mismatches, unknown attributes): the core raises those errors.
 */
public final class FilterCompiler {
    private final SchemaRegistry registry;
    private final ResourceType type;
    private final ResourceKind kind;
    private final Dialect dialect;

    /** A compiler for resources of one type on one dialect. */
    public FilterCompiler(SchemaRegistry registry, ResourceType type, Dialect dialect) {
        this.registry = registry;
        this.type = type;
        this.kind = ResourceKind.of(type);
        this.dialect = dialect;
    }

    /** The exact SQL predicate of the filter, or empty if some part cannot be pushed down. */
    public Optional<SqlFragment> compile(Filter filter) {
        return Optional.ofNullable(filter.accept(new Exact(null)));
    }

    /**
     * A predicate every match satisfies (possibly others too): the pushable conjuncts of the
     * filter, used to narrow the rows the store reads when it evaluates the rest in Java.
     */
    public Optional<SqlFragment> narrowing(Filter filter) {
        return Optional.ofNullable(narrow(filter));
    }

    private @Nullable SqlFragment narrow(Filter filter) {
        if (filter instanceof AndFilter and) {
            SqlFragment left = narrow(and.left());
            SqlFragment right = narrow(and.right());
            if (left == null || right == null) {
                return left == null ? right : left;
            }
            return left.and(right);
        }
        if (filter instanceof OrFilter or) {
            SqlFragment left = narrow(or.left());
            SqlFragment right = narrow(or.right());
            return left == null || right == null ? null : left.or(right);
        }
        return filter.accept(new Exact(null));
    }

    /** The exact compilation; {@code null} means "not pushable". */
    private final class Exact implements FilterVisitor<@Nullable SqlFragment> {
        /** Inside {@code attr[...]}: the attribute whose elements the inner paths name; else {@code null}. */
        private final @Nullable AttributePath valuePath;

        Exact(@Nullable AttributePath valuePath) {
            this.valuePath = valuePath;
        }

        @Override
        public @Nullable SqlFragment visitAnd(AndFilter and) {
            SqlFragment left = and.left().accept(this);
            SqlFragment right = left == null ? null : and.right().accept(this);
            return right == null ? null : left.and(right);
        }

        @Override
        public @Nullable SqlFragment visitOr(OrFilter or) {
            SqlFragment left = or.left().accept(this);
            SqlFragment right = left == null ? null : or.right().accept(this);
            return right == null ? null : left.or(right);
        }

        @Override
        public @Nullable SqlFragment visitNot(NotFilter not) {
            SqlFragment inner = not.inner().accept(this);
            return inner == null ? null : inner.not();
        }

        @Override
        public @Nullable SqlFragment visitComparison(ComparisonFilter comparison) {
            Column column = column(comparison.path());
            if (column == null) {
                return null;
            }
            ScimValue operand = comparison.value();
            CompareOp op = comparison.op();
            SqlFragment test;
            boolean negate;
            if (operand instanceof NullValue) {
                // eq null is "not pr", ne null is "pr", as the evaluator reads them.
                if (op != CompareOp.EQ && op != CompareOp.NE) {
                    return null;
                }
                test = present(column);
                negate = op == CompareOp.EQ;
            } else {
                // ne is "not eq", over all values of a multi-valued attribute, as the evaluator reads it.
                test = test(column, op == CompareOp.NE ? CompareOp.EQ : op, operand);
                negate = op == CompareOp.NE;
            }
            if (test == null) {
                return null;
            }
            SqlFragment scoped = within(column, test);
            return negate ? scoped.not() : scoped;
        }

        @Override
        public @Nullable SqlFragment visitPresent(PresentFilter present) {
            ResolvedAttribute resolved = resolve(present.path());
            if (resolved == null) {
                return null;
            }
            if (valuePath == null && resolved.subAttribute() == null && resolved.attribute().isComplex()) {
                // 'members pr': every member row has a non-empty value, so any row is a present element.
                // Other complex attributes count as present through sub-attributes SQL does not see.
                Optional<Column> members = Column.of(kind, resolved);
                return members.isPresent() && members.get().child() == ChildTable.MEMBER
                        ? ChildTable.MEMBER.exists(SqlFragment.of("1 = 1"))
                        : null;
            }
            Column column = column(present.path());
            return column == null ? null : within(column, present(column));
        }

        @Override
        public @Nullable SqlFragment visitValuePath(ValuePathFilter valuePathFilter) {
            if (valuePath != null) {
                return null;
            }
            ResolvedAttribute resolved = registry.resolve(type, valuePathFilter.path()).orElse(null);
            if (resolved == null || resolved.subAttribute() != null || !resolved.attribute().isComplex()) {
                return null;
            }
            Column probe = Column.of(kind, resolved).orElse(null);
            if (probe == null || probe.child() == null) {
                return null;
            }
            SqlFragment inner = valuePathFilter.inner().accept(new Exact(valuePathFilter.path()));
            return inner == null ? null : probe.child().exists(inner);
        }

        /** Wraps a row predicate on a child column in EXISTS, unless already inside a value path. */
        private SqlFragment within(Column column, SqlFragment test) {
            return column.child() == null || valuePath != null ? test : column.child().exists(test);
        }

        private @Nullable Column column(AttributePath path) {
            ResolvedAttribute resolved = resolve(path);
            if (resolved == null) {
                return null;
            }
            Column column = Column.of(kind, resolved).orElse(null);
            if (column == null) {
                return null;
            }
            if (valuePath != null) {
                // Inside attr[...] only the child table of attr is visible, and only sub-attributes.
                boolean sameChild = column.child() != null && resolved.subAttribute() != null
                        && resolved.attribute().name().equalsIgnoreCase(valuePath.attribute());
                return sameChild ? column : null;
            }
            return column;
        }

        private @Nullable ResolvedAttribute resolve(AttributePath path) {
            AttributePath full = path;
            if (valuePath != null) {
                if (path.schemaUrn() != null || path.subAttribute() != null) {
                    return null;
                }
                full = valuePath.withSubAttribute(path.attribute());
            }
            return registry.resolve(type, full).orElse(null);
        }
    }

    private @Nullable SqlFragment test(Column column, CompareOp op, ScimValue operand) {
        String name = column.name();
        return switch (column.type()) {
            case TEXT -> {
                if (!(operand instanceof StringValue string)) {
                    yield null;
                }
                String value = column.folded() ? IndexKey.caseFold(string.value()) : string.value();
                yield switch (op) {
                    case EQ -> column.uniqueKey() == null
                            ? SqlFragment.of("(" + name + " IS NOT NULL AND " + name + " = ?)", value)
                            : SqlFragment.of("(" + column.uniqueKey() + " IS NOT NULL AND " + column.uniqueKey()
                                    + " = ? AND " + name + " = ?)", IndexKey.fold(string.value()), value);
                    case CO, SW, EW -> SqlFragment.of("(" + name + " IS NOT NULL AND " + name + " LIKE ? ESCAPE '\\')",
                            LikePatterns.of(op, value));
                    case GT, GE, LT, LE -> dialect.comparesByCodeUnit()
                            ? SqlFragment.of("(" + name + " IS NOT NULL AND " + name + " " + symbol(op) + " ?)", value)
                            : null;
                    case NE -> null;
                };
            }
            case BOOLEAN -> op == CompareOp.EQ && operand instanceof BooleanValue bool
                    ? SqlFragment.of("(" + name + " IS NOT NULL AND " + name + " = ?)", bool.value())
                    : null;
            case DATE_TIME -> {
                Instant instant = operand instanceof StringValue string
                        ? DateTimeValue.parse(string.value()).map(DateTimeValue::instant).orElse(null)
                        : null;
                // The columns keep microseconds: a finer operand would be rounded by the database.
                if (instant == null || instant.getNano() % 1000 != 0 || op.isSubstring()) {
                    yield null;
                }
                yield SqlFragment.of("(" + name + " IS NOT NULL AND " + name + " " + symbol(op) + " ?)",
                        OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        };
    }

    private static SqlFragment present(Column column) {
        return column.type() == Column.Type.TEXT
                ? SqlFragment.of("(" + column.name() + " IS NOT NULL AND " + column.name() + " <> '')")
                : SqlFragment.of(column.name() + " IS NOT NULL");
    }

    private static String symbol(CompareOp op) {
        return switch (op) {
            case EQ -> "=";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> throw new IllegalArgumentException("no SQL symbol for " + op);
        };
    }
}
