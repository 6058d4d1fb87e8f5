package io.scimkit.core.filter;

import java.util.Objects;

/** {@code not (inner)} (RFC 7644 §3.4.2.2): matches when the inner filter does not. */
public record NotFilter(Filter inner) implements Filter {
    public NotFilter {
        Objects.requireNonNull(inner, "inner");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitNot(this);
    }

    @Override
    public String toString() {
        return FilterRenderer.render(this);
    }
}
