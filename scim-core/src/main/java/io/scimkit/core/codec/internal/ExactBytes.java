package io.scimkit.core.codec.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects what a JSON generator writes into an array of exactly that size. The generator buffers
 * its output and hands a document of up to its buffer size (8,000 bytes) over in one write, which
 * this keeps as one copy; a {@link java.io.ByteArrayOutputStream} would grow its array in steps and
 * copy it once more for {@code toByteArray}. Not thread-safe.
 */
public final class ExactBytes extends OutputStream {
    private static final byte[] NOTHING = new byte[0];

    private byte[] bytes = NOTHING;
    private int size;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        if (size == 0) {
            bytes = Arrays.copyOfRange(source, offset, offset + length);
        } else {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + length, bytes.length * 2));
            }
            System.arraycopy(source, offset, bytes, size, length);
        }
        size += length;
    }

    /** The bytes written, without a copy when they came in one write. */
    public byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
