package io.scimkit.core.filter;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.NullValue;
import org.jspecify.annotations.Nullable;

/**
 * Turns a filter AST into a tree of {@link ResourceMatcher}s, checking every path, operator and
 * operand against the schema on the way (see {@link FilterEvaluator} for the semantics). One
 * compiler works on one scope: the resource body, or, for the inside of a value filter, one
 * element of the bracketed attribute. Used once per compilation; not thread-safe, but the
 * matchers it returns are.
 */
final class MatcherCompiler implements FilterVisitor<ResourceMatcher> {
    private final SchemaRegistry registry;
    private final ResourceType type;
    private final @Nullable FilterTarget parent;

    private MatcherCompiler(SchemaRegistry registry, ResourceType type, @Nullable FilterTarget parent) {
        this.registry = registry;
        this.type = type;
        this.parent = parent;
    }

    /** Compiles a filter whose paths are resolved against the resource type. */
    static ResourceMatcher compile(SchemaRegistry registry, ResourceType type, Filter filter) {
        return filter.accept(new MatcherCompiler(registry, type, null));
    }

    @Override
    public ResourceMatcher visitAnd(AndFilter filter) {
        ResourceMatcher left = filter.left().accept(this);
        ResourceMatcher right = filter.right().accept(this);
        return body -> left.matches(body) && right.matches(body);
    }

    @Override
    public ResourceMatcher visitOr(OrFilter filter) {
        ResourceMatcher left = filter.left().accept(this);
        ResourceMatcher right = filter.right().accept(this);
        return body -> left.matches(body) || right.matches(body);
    }

    @Override
    public ResourceMatcher visitNot(NotFilter filter) {
        ResourceMatcher inner = filter.inner().accept(this);
        return body -> !inner.matches(body);
    }

    @Override
    public ResourceMatcher visitComparison(ComparisonFilter filter) {
        FilterTarget target = resolve(filter.path());
        CompareOp op = filter.op();
        if (filter.value() instanceof NullValue) {
            // The RFC gives null no meaning; we read "eq null" as "not pr" and "ne null" as "pr",
            // and nothing orders against null
            if (op == CompareOp.EQ) {
                return negate(present(target.locator()));
            }
            if (op == CompareOp.NE) {
                return present(target.locator());
            }
            throw ScimException.invalidFilter("operator '" + op.token() + "' needs a value; null works only with"
                    + " 'eq' and 'ne', in '" + filter + "'");
        }
        FilterTarget comparable = target.comparable();
        ValueTest test = ComparisonTests.of(comparable, op, filter.value());
        AttributeLocator locator = comparable.locator();
        ResourceMatcher anyEqual = body -> locator.anyMatch(body, test);
        // Our reading where the RFC is silent: "A ne v" is "not (A eq v)", so an absent A matches,
        // and a multi-valued A matches only when no value equals v
        return op == CompareOp.NE ? negate(anyEqual) : anyEqual;
    }

    @Override
    public ResourceMatcher visitPresent(PresentFilter filter) {
        return present(resolve(filter.path()).locator());
    }

    @Override
    public ResourceMatcher visitValuePath(ValuePathFilter filter) {
        if (parent != null) {
            throw ScimException.invalidFilter("value filters cannot be nested: '" + filter + "' is inside '"
                    + parent.display() + "[...]'");
        }
        FilterTarget target = FilterTarget.inResource(registry, type, filter.path());
        if (target.subAttribute() != null || !target.attribute().isComplex()) {
            throw ScimException.invalidFilter("a value filter '[...]' follows a complex attribute, and '"
                    + filter.path() + "' is not one");
        }
        ResourceMatcher inner = filter.inner().accept(new MatcherCompiler(registry, type, target));
        // RFC 7644 §3.4.2.2: the whole inner filter holds on one and the same element
        ValueTest element = value -> value instanceof ComplexValue complex && inner.matches(complex);
        AttributeLocator locator = target.locator();
        return body -> locator.anyMatch(body, element);
    }

    private FilterTarget resolve(AttributePath path) {
        return parent == null ? FilterTarget.inResource(registry, type, path) : FilterTarget.inElement(parent, path);
    }

    private static ResourceMatcher present(AttributeLocator locator) {
        return body -> locator.anyMatch(body, Presence.TEST);
    }

    private static ResourceMatcher negate(ResourceMatcher matcher) {
        return body -> !matcher.matches(body);
    }
}
