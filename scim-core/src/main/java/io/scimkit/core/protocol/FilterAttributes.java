package io.scimkit.core.protocol;

import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterVisitor;
import io.scimkit.core.filter.NotFilter;
import io.scimkit.core.filter.OrFilter;
import io.scimkit.core.filter.PresentFilter;
import io.scimkit.core.filter.ValuePathFilter;
import io.scimkit.core.path.AttributePath;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes a filter reads (RFC 7644 §3.4.2.2): each comparison's and presence test's path,
 * and the attribute of each value path as a whole. The core uses them to decide whether the
 * resources it filters itself must be read with every attribute, not only the projected ones.
 */
final class FilterAttributes implements FilterVisitor<Void> {
    private final List<AttributePath> paths = new ArrayList<>();

    private FilterAttributes() {
    }

    /** The paths the filter reads, in order, possibly repeated. */
    static List<AttributePath> of(Filter filter) {
        FilterAttributes collector = new FilterAttributes();
        filter.accept(collector);
        return collector.paths;
    }

    @Override
    public Void visitAnd(AndFilter filter) {
        filter.left().accept(this);
        return filter.right().accept(this);
    }

    @Override
    public Void visitOr(OrFilter filter) {
        filter.left().accept(this);
        return filter.right().accept(this);
    }

    @Override
    public Void visitNot(NotFilter filter) {
        return filter.inner().accept(this);
    }

    @Override
    public Void visitComparison(ComparisonFilter filter) {
        paths.add(filter.path());
        return null;
    }

    @Override
    public Void visitPresent(PresentFilter filter) {
        paths.add(filter.path());
        return null;
    }

    @Override
    public Void visitValuePath(ValuePathFilter filter) {
        paths.add(filter.path());
        return null;
    }
}
