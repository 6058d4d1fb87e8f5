package io.scimkit.jaxrs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body without trusting its declared length: at most {@code limit + 1} bytes, so a
 * body over the limit is seen to be too long (the service answers 413, RFC 7644 §3.12
 * {@code payloadTooLarge}) without the rest of it ever being buffered.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    /** The body's bytes, or its first {@code limit + 1} bytes if it is longer than {@code limit}. */
    static byte[] read(InputStream in, int limit) throws IOException {
        int cap = limit == Integer.MAX_VALUE ? limit : limit + 1;
        return in.readNBytes(cap);
    }
}
