package io.scimkit.core.filter;

import io.scimkit.core.path.AttributePath;
import java.util.Objects;

/**
 * {@code path[inner]} (RFC 7644 §3.4.2.2, valuePath): matches when one element of the (usually
 * multi-valued complex) attribute satisfies every condition of {@code inner} at once.
 * Paths inside {@code inner} are sub-attribute names relative to {@code path}.
 */
public record ValuePathFilter(AttributePath path, Filter inner) implements Filter {
    public ValuePathFilter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(inner, "inner");
        if (path.hasSubAttribute()) {
            throw new IllegalArgumentException("a value path names an attribute, not a sub-attribute: " + path);
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitValuePath(this);
    }

    @Override
    public String toString() {
        return FilterRenderer.render(this);
    }
}
