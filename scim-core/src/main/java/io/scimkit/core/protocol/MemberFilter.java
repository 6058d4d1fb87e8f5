package io.scimkit.core.protocol;

import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.CompareOp;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.NotFilter;
import io.scimkit.core.filter.OrFilter;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.List;
import java.util.function.Predicate;

/**
 * A group filter (RFC 7644 §3.4.2.2) that reads {@code members}, evaluated by the core on groups
 * loaded without their members: each test on {@code members} is decided by walking the group's
 * members through {@link GroupStore#forEachMember}, one element at a time, so no group's member
 * list is ever held in memory. The rest of the filter is evaluated on the loaded group as usual.
 *
 * <p>A test on a multi-valued attribute holds when one element satisfies it, except {@code ne} and
 * {@code eq null}, which hold when no element contradicts them (the evaluator reads
 * {@code A ne v} as {@code not (A eq v)} and {@code eq null} as {@code not pr}); both are decided
 * on one-element groups by the evaluator itself, and a group without members is decided on the
 * group as loaded, so the result is the evaluator's. Confined to one request.
 */
final class MemberFilter implements ResourceMatcher {
    private static final String MEMBERS = "members";

    private final Filter filter;
    private final FilterEvaluator evaluator;
    private final GroupStore store;
    private final StoreContext context;

    MemberFilter(Filter filter, FilterEvaluator evaluator, GroupStore store, StoreContext context) {
        this.filter = filter;
        this.evaluator = evaluator;
        this.store = store;
        this.context = context;
    }

    /** Whether the filter tests {@code members} or one of its sub-attributes. */
    static boolean readsMembers(Filter filter) {
        return FilterAttributes.of(filter).stream().anyMatch(MemberFilter::isMembers);
    }

    @Override
    public boolean matches(ComplexValue group) {
        return matches(filter, group);
    }

    private boolean matches(Filter node, ComplexValue group) {
        if (node instanceof AndFilter and) {
            return matches(and.left(), group) && matches(and.right(), group);
        }
        if (node instanceof OrFilter or) {
            return matches(or.left(), group) || matches(or.right(), group);
        }
        if (node instanceof NotFilter not) {
            return !matches(not.inner(), group);
        }
        ResourceMatcher test = evaluator.compile(node);
        if (!readsMembers(node)) {
            return test.matches(group);
        }
        boolean universal = node instanceof ComparisonFilter comparison
                && (comparison.op() == CompareOp.NE) != (comparison.value() instanceof NullValue);
        ScimValue id = group.getOrNull("id");
        if (!(id instanceof StringValue groupId)) {
            return test.matches(group);
        }
        Predicate<ComplexValue> holds = member -> test.matches(withMember(group, member));
        boolean[] seen = {false};
        boolean[] decided = {false};
        try {
            store.forEachMember(context, groupId.value(), member -> {
                seen[0] = true;
                if (holds.test(member) != universal) {
                    decided[0] = true;
                    throw Decided.INSTANCE;
                }
            });
        } catch (Decided stop) {
            // One element decided the test: stop reading members.
        }
        if (!seen[0]) {
            return test.matches(group);
        }
        return decided[0] != universal;
    }

    private static ComplexValue withMember(ComplexValue group, ComplexValue member) {
        return ScimResource.of(group).with(MEMBERS, MultiValue.of(List.of(member))).body();
    }

    private static boolean isMembers(AttributePath path) {
        return path.attribute().equalsIgnoreCase(MEMBERS);
    }

    /** Stops a member walk once the answer is known; no stack trace, it is never reported. */
    private static final class Decided extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Decided INSTANCE = new Decided();

        private Decided() {
            super(null, null, false, false);
        }
    }
}
