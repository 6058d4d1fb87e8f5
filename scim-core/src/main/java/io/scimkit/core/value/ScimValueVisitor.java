package io.scimkit.core.value;

/**
 * An operation over every kind of {@link ScimValue}. Implementations are exhaustive by
 * construction: a new value kind adds a method here.
 *
 * @param <R> what the operation returns
 */
public interface ScimValueVisitor<R> {
    R visitString(StringValue value);

    R visitBoolean(BooleanValue value);

    R visitInteger(IntegerValue value);

    R visitDecimal(DecimalValue value);

    R visitDateTime(DateTimeValue value);

    R visitBinary(BinaryValue value);

    R visitReference(ReferenceValue value);

    R visitComplex(ComplexValue value);

    R visitMulti(MultiValue value);

    R visitNull(NullValue value);
}
