package io.scimkit.jdbc.mapping;

import java.util.Objects;

/** {@link ValueConverter#flag}: a boolean kept as one of two column values. */
record FlagConverter(Object trueValue, Object falseValue) implements ValueConverter {
    FlagConverter {
        Objects.requireNonNull(trueValue, "trueValue");
        Objects.requireNonNull(falseValue, "falseValue");
    }

    @Override
    public Object toColumn(Object scimValue) {
        return Boolean.TRUE.equals(scimValue) ? trueValue : falseValue;
    }

    @Override
    public Boolean fromColumn(Object columnValue) {
        return trueValue.equals(columnValue) || trueValue.toString().equals(columnValue.toString());
    }
}
