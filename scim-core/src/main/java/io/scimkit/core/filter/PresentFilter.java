package io.scimkit.core.filter;

import io.scimkit.core.path.AttributePath;
import java.util.Objects;

/**
 * {@code path pr} (RFC 7644 §3.4.2.2 Table 3): matches when the attribute has a non-empty value;
 * null, an empty array and absence never match.
 */
public record PresentFilter(AttributePath path) implements Filter {
    public PresentFilter {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitPresent(this);
    }

    @Override
    public String toString() {
        return FilterRenderer.render(this);
    }
}
