package io.scimkit.core.dialect;

import io.scimkit.core.filter.AndFilter;
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
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Filter comparisons whose operand is a string holding the lexical form of the compared
 * attribute's type, rewritten with the typed operand (RFC 7644 §3.4.2.2 compares by attribute
 * type; RFC 7643 §2.3 gives the types): {@code "true"}/{@code "false"} in any case for booleans
 * (quirk Q2 in PATCH path filters, see {@code docs/entra-quirks.md}, and
 * {@link DialectRule#FILTER_STRING_OPERANDS} in queries), and, in queries only, {@code "42"} and
 * {@code "-1.5"} for integers and decimals. Every other node is kept, and a filter nothing was
 * rewritten in is returned as the same instance. Stateless.
 */
final class FilterLiterals implements FilterVisitor<Filter> {
    /** An integer or decimal as RFC 7643 §2.3.3 writes it: digits, an optional sign and fraction, no exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** The definition a comparison path at this scope ends at; {@code null} for an unknown path. */
    private final Function<AttributePath, @Nullable AttributeDefinition> leafOf;
    /** The attribute a value path at this scope names, or {@code null} inside a value path. */
    private final @Nullable Function<AttributePath, @Nullable AttributeDefinition> valuePaths;
    private final boolean numbers;

    private FilterLiterals(Function<AttributePath, @Nullable AttributeDefinition> leafOf,
            @Nullable Function<AttributePath, @Nullable AttributeDefinition> valuePaths, boolean numbers) {
        this.leafOf = leafOf;
        this.valuePaths = valuePaths;
        this.numbers = numbers;
    }

    /**
     * A query filter (RFC 7644 §3.4.2.2) over resources of the type, with string booleans and
     * numbers typed; paths the type does not define are left for the evaluator to judge.
     */
    static Filter inResource(Filter filter, SchemaRegistry registry, ResourceType type) {
        return filter.accept(new FilterLiterals(path -> registry.resolve(type, path)
                .map(FilterLiterals::compared).orElse(null),
                path -> registry.resolve(type, path).map(ResolvedAttribute::attribute).orElse(null), true));
    }

    /** The filter over elements of {@code filtered} (a PATCH path's value filter) with string booleans typed. */
    static Filter booleansInElements(Filter filter, AttributeDefinition filtered) {
        return filter.accept(inElements(filtered, false));
    }

    private static FilterLiterals inElements(AttributeDefinition filtered, boolean numbers) {
        return new FilterLiterals(path -> path.schemaUrn() != null || path.hasSubAttribute() ? null
                : filtered.subAttribute(path.attribute()).orElse(null), null, numbers);
    }

    /** What a comparison on the path compares: {@code emails eq "x"} compares {@code emails.value}. */
    private static @Nullable AttributeDefinition compared(ResolvedAttribute resolved) {
        AttributeDefinition leaf = resolved.leaf();
        if (!leaf.isComplex()) {
            return leaf;
        }
        return resolved.subAttribute() == null ? resolved.attribute().subAttribute("value").orElse(null) : null;
    }

    @Override
    public Filter visitAnd(AndFilter filter) {
        Filter left = filter.left().accept(this);
        Filter right = filter.right().accept(this);
        return left == filter.left() && right == filter.right() ? filter : new AndFilter(left, right);
    }

    @Override
    public Filter visitOr(OrFilter filter) {
        Filter left = filter.left().accept(this);
        Filter right = filter.right().accept(this);
        return left == filter.left() && right == filter.right() ? filter : new OrFilter(left, right);
    }

    @Override
    public Filter visitNot(NotFilter filter) {
        Filter inner = filter.inner().accept(this);
        return inner == filter.inner() ? filter : new NotFilter(inner);
    }

    @Override
    public Filter visitComparison(ComparisonFilter filter) {
        if (!(filter.value() instanceof StringValue literal)) {
            return filter;
        }
        AttributeDefinition leaf = leafOf.apply(filter.path());
        ScimValue typed = leaf == null ? null : typed(literal.value(), leaf.type());
        return typed == null ? filter : new ComparisonFilter(filter.path(), filter.op(), typed);
    }

    @Override
    public Filter visitPresent(PresentFilter filter) {
        return filter;
    }

    @Override
    public Filter visitValuePath(ValuePathFilter filter) {
        AttributeDefinition attribute = valuePaths == null ? null : valuePaths.apply(filter.path());
        if (attribute == null || !attribute.isComplex()) {
            return filter;
        }
        Filter inner = filter.inner().accept(inElements(attribute, numbers));
        return inner == filter.inner() ? filter : new ValuePathFilter(filter.path(), inner);
    }

    /** The operand of the attribute's type that the text is the lexical form of, or {@code null}. */
    private @Nullable ScimValue typed(String text, AttributeType type) {
        return switch (type) {
            case BOOLEAN -> text.equalsIgnoreCase("true") ? BooleanValue.TRUE
                    : text.equalsIgnoreCase("false") ? BooleanValue.FALSE : null;
            case INTEGER, DECIMAL -> numbers ? number(text).orElse(null) : null;
            default -> null;
        };
    }

    private static Optional<ScimValue> number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text);
        if (text.indexOf('.') < 0) {
            try {
                return Optional.of(IntegerValue.of(value.longValueExact()));
            } catch (ArithmeticException beyondLong) {
                return Optional.of(DecimalValue.of(value));
            }
        }
        return Optional.of(DecimalValue.of(value));
    }
}
