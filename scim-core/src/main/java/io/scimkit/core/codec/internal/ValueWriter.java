package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.ScimValueVisitor;
import io.scimkit.core.value.StringValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a {@link ScimValue} as JSON (RFC 7643 §2.3): strings, references, binary and dateTime as
 * JSON strings with their text as held (a dateTime keeps its lexical form), integers and decimals
 * as JSON numbers ({@link java.math.BigDecimal#toString()}, which reads back to the same scale),
 * complex values as objects in their member order, multi-valued ones as arrays.
 *
 * <p>Members whose value is {@code null} or an empty array are left out: RFC 7643 §2.5 treats both
 * as unassigned, and unassigned attributes may be omitted from responses.
 * Elements of an array are written as they are. I/O failures travel as
 * {@link UncheckedIOException} because visitor methods cannot throw; {@link #write} unwraps them.
 */
public final class ValueWriter implements ScimValueVisitor<ValueWriter> {
    private final JsonGenerator generator;
    private final boolean verbatim;

    public ValueWriter(JsonGenerator generator) {
        this(generator, false);
    }

    /**
     * A writer that, when {@code verbatim}, keeps {@code null} and empty-array members: for
     * re-serialising a request body (a Bulk operation's {@code data}) exactly as the client sent it.
     */
    public ValueWriter(JsonGenerator generator, boolean verbatim) {
        this.generator = generator;
        this.verbatim = verbatim;
    }

    /** Writes one value. */
    public void write(ScimValue value) throws IOException {
        try {
            value.accept(this);
        } catch (UncheckedIOException failure) {
            throw failure.getCause();
        }
    }

    /** Writes one object member, unless its value is unassigned in the RFC 7643 §2.5 sense. */
    public void writeMember(String name, ScimValue value) throws IOException {
        if (!verbatim && isOmitted(value)) {
            return;
        }
        generator.writeFieldName(name);
        write(value);
    }

    /** Whether a member with this value is left out of the output. */
    public static boolean isOmitted(ScimValue value) {
        return value instanceof NullValue || value instanceof MultiValue multi && multi.values().isEmpty();
    }

    @Override
    public ValueWriter visitString(StringValue value) {
        return run(() -> generator.writeString(value.value()));
    }

    @Override
    public ValueWriter visitBoolean(BooleanValue value) {
        return run(() -> generator.writeBoolean(value.value()));
    }

    @Override
    public ValueWriter visitInteger(IntegerValue value) {
        return run(() -> generator.writeNumber(value.value()));
    }

    @Override
    public ValueWriter visitDecimal(DecimalValue value) {
        return run(() -> generator.writeNumber(value.value()));
    }

    @Override
    public ValueWriter visitDateTime(DateTimeValue value) {
        return run(() -> generator.writeString(value.lexical()));
    }

    @Override
    public ValueWriter visitBinary(BinaryValue value) {
        return run(() -> generator.writeString(value.base64()));
    }

    @Override
    public ValueWriter visitReference(ReferenceValue value) {
        return run(() -> generator.writeString(value.uri()));
    }

    @Override
    public ValueWriter visitComplex(ComplexValue value) {
        return run(() -> {
            generator.writeStartObject();
            for (Map.Entry<String, ScimValue> member : value.attributes().entrySet()) {
                writeMember(member.getKey(), member.getValue());
            }
            generator.writeEndObject();
        });
    }

    @Override
    public ValueWriter visitMulti(MultiValue value) {
        return run(() -> {
            generator.writeStartArray();
            for (ScimValue element : value.values()) {
                write(element);
            }
            generator.writeEndArray();
        });
    }

    @Override
    public ValueWriter visitNull(NullValue value) {
        return run(generator::writeNull);
    }

    private ValueWriter run(Output output) {
        try {
            output.write();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    /** One step of output. */
    @FunctionalInterface
    private interface Output {
        void write() throws IOException;
    }
}
