package io.scimkit.core.store.memory;

import io.scimkit.core.filter.AndFilter;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterVisitor;
import io.scimkit.core.filter.NotFilter;
import io.scimkit.core.filter.OrFilter;
import io.scimkit.core.filter.PresentFilter;
import io.scimkit.core.filter.ValuePathFilter;
import io.scimkit.core.path.AttributePath;

/** Which attributes a filter reads, so that the store loads only what evaluation needs. */
final class FilterAttributes {
    private FilterAttributes() {
    }

    /** Whether any top-level path of the filter names the attribute (ignoring case). */
    static boolean mentions(Filter filter, String attribute) {
        return filter.accept(new FilterVisitor<Boolean>() {
            @Override
            public Boolean visitAnd(AndFilter and) {
                return and.left().accept(this) || and.right().accept(this);
            }

            @Override
            public Boolean visitOr(OrFilter or) {
                return or.left().accept(this) || or.right().accept(this);
            }

            @Override
            public Boolean visitNot(NotFilter not) {
                return not.inner().accept(this);
            }

            @Override
            public Boolean visitComparison(ComparisonFilter comparison) {
                return names(comparison.path());
            }

            @Override
            public Boolean visitPresent(PresentFilter present) {
                return names(present.path());
            }

            @Override
            public Boolean visitValuePath(ValuePathFilter valuePath) {
                return names(valuePath.path());
            }

            private boolean names(AttributePath path) {
                return path.attribute().equalsIgnoreCase(attribute);
            }
        });
    }
}
