package io.scimkit.core.filter;

import java.util.Objects;

/** {@code left or right} (RFC 7644 §3.4.2.2): at least one operand must match. */
public record OrFilter(Filter left, Filter right) implements Filter {
    public OrFilter {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitOr(this);
    }

    @Override
    public String toString() {
        return FilterRenderer.render(this);
    }
}
