package io.scimkit.core.dialect;

import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterVisitor;
import io.scimkit.core.filter.NotFilter;
import io.scimkit.core.filter.OrFilter;
import io.scimkit.core.filter.PresentFilter;
import io.scimkit.core.filter.ValuePathFilter;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.StringValue;

/**
 * Quirk Q2 (see {@code docs/entra-quirks.md}) inside the value filter of a PATCH path: Entra's role mappings target
 * {@code roles[primary eq "True"].value}, comparing a boolean sub-attribute with a string, which
 * RFC 7644 §3.4.2.2 makes an {@code invalidFilter}. This rewrites such literals ({@code "true"}/
 * {@code "false"} in any case, compared with a boolean sub-attribute of the filtered attribute)
 * into JSON booleans; every other node is kept. Stateless.
 */
final class BooleanLiterals implements FilterVisitor<Filter> {
    private final AttributeDefinition filtered;

    private BooleanLiterals(AttributeDefinition filtered) {
        this.filtered = filtered;
    }

    /** The filter over elements of {@code filtered} with string booleans made booleans. */
    static Filter coerce(Filter filter, AttributeDefinition filtered) {
        return filter.accept(new BooleanLiterals(filtered));
    }

    @Override
    public Filter visitAnd(AndFilter filter) {
        return new AndFilter(filter.left().accept(this), filter.right().accept(this));
    }

    @Override
    public Filter visitOr(OrFilter filter) {
        return new OrFilter(filter.left().accept(this), filter.right().accept(this));
    }

    @Override
    public Filter visitNot(NotFilter filter) {
        return new NotFilter(filter.inner().accept(this));
    }

    @Override
    public Filter visitComparison(ComparisonFilter filter) {
        if (!(filter.value() instanceof StringValue literal) || filter.path().schemaUrn() != null
                || filter.path().hasSubAttribute()) {
            return filter;
        }
        boolean isBoolean = filtered.subAttribute(filter.path().attribute())
                .map(sub -> sub.type() == AttributeType.BOOLEAN && !sub.multiValued()).orElse(false);
        if (!isBoolean) {
            return filter;
        }
        if (literal.value().equalsIgnoreCase("true")) {
            return new ComparisonFilter(filter.path(), filter.op(), BooleanValue.TRUE);
        }
        if (literal.value().equalsIgnoreCase("false")) {
            return new ComparisonFilter(filter.path(), filter.op(), BooleanValue.FALSE);
        }
        return filter;
    }

    @Override
    public Filter visitPresent(PresentFilter filter) {
        return filter;
    }

    @Override
    public Filter visitValuePath(ValuePathFilter filter) {
        return filter;
    }
}
