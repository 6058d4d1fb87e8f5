package io.scimkit.core.filter;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.Objects;

/**
 * {@code path op value} (RFC 7644 §3.4.2.2): compares an attribute with a JSON literal. The literal
 * is a string, an integer, a decimal, {@code true}/{@code false} or {@code null}; dateTime operands
 * are strings, read as instants by the evaluator when the attribute is a dateTime.
 */
public record ComparisonFilter(AttributePath path, CompareOp op, ScimValue value) implements Filter {
    public ComparisonFilter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (!(value instanceof StringValue || value instanceof BooleanValue || value instanceof IntegerValue
                || value instanceof DecimalValue || value instanceof NullValue)) {
            throw new IllegalArgumentException("a filter operand is a JSON string, number, boolean or null");
        }
    }

    @Override
    public <R> R accept(FilterVisitor<R> visitor) {
        return visitor.visitComparison(this);
    }

    @Override
    public String toString() {
        return FilterRenderer.render(this);
    }
}
