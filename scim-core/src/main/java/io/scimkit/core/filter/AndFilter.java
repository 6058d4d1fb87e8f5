package io.scimkit.core.filter;

import java.util.Objects;

/** {@code left and right} (RFC 7644 §3.4.2.2): both operands must match. */
public record AndFilter(Filter left, Filter right) implements Filter {
    public AndFilter {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitAnd(this);
    }

    @Override
    public String toString() {
        return FilterRenderer.render(this);
    }
}
