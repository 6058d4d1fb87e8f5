package io.scimkit.core.protocol;

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
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.NullValue;

/**
 * The filter of a query across resource types (at the service root, RFC 7644 §3.4.2.1) reduced to
 * what it means for one type: "for filtered attributes that are not part of a particular resource
 * type, the service provider SHALL treat the attribute as if there is no attribute value". A
 * comparison or presence test on a path the type does not define (an unknown attribute, or a
 * sub-attribute the attribute does not have) becomes the constant it is for an absent attribute
 * under the evaluator's reading: {@code pr}, {@code eq v} and the orderings are false, {@code ne v}
 * and {@code eq null} are true, {@code ne null} is false; so is a value filter {@code attr[...]}
 * on an undefined {@code attr}. The constants then fold through {@code and}, {@code or} and
 * {@code not}.
 *
 * <p>The result holds only paths the type defines, so the store and the evaluator see an ordinary
 * filter, and a type the filter cannot match is not read at all. Whatever else does not fit the
 * type (an operand of the wrong type, a sub-attribute inside {@code [...]} the attribute lacks,
 * {@code gt null}) is left in place for the evaluator to refuse with {@code invalidFilter}, as on a
 * typed endpoint. Stateless.
 */
final class TypeFilters implements FilterVisitor<TypeFilters.Reduced> {
    private final SchemaRegistry registry;
    private final ResourceType type;

    private TypeFilters(SchemaRegistry registry, ResourceType type) {
        this.registry = registry;
        this.type = type;
    }

    /** A filter reduced to one type: always true, always false, or a filter over defined paths. */
    sealed interface Reduced {
    }

    /** The filter holds for every resource of the type, or for none. */
    record Constant(boolean holds) implements Reduced {
        static final Constant TRUE = new Constant(true);
        static final Constant FALSE = new Constant(false);

        static Constant of(boolean holds) {
            return holds ? TRUE : FALSE;
        }
    }

    /** The filter still depends on the resource. */
    record Remaining(Filter filter) implements Reduced {
    }

    /** What the filter means for resources of the type. */
    static Reduced reduce(Filter filter, SchemaRegistry registry, ResourceType type) {
        return filter.accept(new TypeFilters(registry, type));
    }

    @Override
    public Reduced visitAnd(AndFilter filter) {
        return junction(filter, filter.left(), filter.right(), false);
    }

    @Override
    public Reduced visitOr(OrFilter filter) {
        return junction(filter, filter.left(), filter.right(), true);
    }

    @Override
    public Reduced visitNot(NotFilter filter) {
        Reduced inner = filter.inner().accept(this);
        if (inner instanceof Constant constant) {
            return Constant.of(!constant.holds());
        }
        Filter remaining = ((Remaining) inner).filter();
        return new Remaining(remaining == filter.inner() ? filter : new NotFilter(remaining));
    }

    @Override
    public Reduced visitComparison(ComparisonFilter filter) {
        CompareOp op = filter.op();
        boolean nullOperand = filter.value() instanceof NullValue;
        if (defined(filter.path()) || nullOperand && op != CompareOp.EQ && op != CompareOp.NE) {
            return new Remaining(filter);
        }
        return Constant.of(nullOperand ? op == CompareOp.EQ : op == CompareOp.NE);
    }

    @Override
    public Reduced visitPresent(PresentFilter filter) {
        return defined(filter.path()) ? new Remaining(filter) : Constant.FALSE;
    }

    @Override
    public Reduced visitValuePath(ValuePathFilter filter) {
        return defined(filter.path()) ? new Remaining(filter) : Constant.FALSE;
    }

    private boolean defined(AttributePath path) {
        return registry.resolve(type, path).isPresent();
    }

    /**
     * An {@code and} ({@code absorbing} false) or {@code or} ({@code absorbing} true): a side that
     * is the absorbing constant decides alone, a side that is the other constant drops out, and the
     * node is kept as it is when neither side changed.
     */
    private Reduced junction(Filter filter, Filter leftFilter, Filter rightFilter, boolean absorbing) {
        Reduced left = leftFilter.accept(this);
        Reduced right = rightFilter.accept(this);
        if (left instanceof Constant constant) {
            return constant.holds() == absorbing ? constant : right;
        }
        if (right instanceof Constant constant) {
            return constant.holds() == absorbing ? constant : left;
        }
        Filter l = ((Remaining) left).filter();
        Filter r = ((Remaining) right).filter();
        if (l == leftFilter && r == rightFilter) {
            return new Remaining(filter);
        }
        return new Remaining(absorbing ? new OrFilter(l, r) : new AndFilter(l, r));
    }
}
