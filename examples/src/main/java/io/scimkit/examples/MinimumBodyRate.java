package io.scimkit.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Fails a request body that arrives slower than a minimum rate: after a grace second, a body must
 * have delivered {@code bytesPerSecond} bytes for every further second since the request began. The
 * reader then sees an I/O failure (the endpoint answers 400) and the request thread is free again.
 * Checked whenever a part of the body arrives; a body that stops arriving is the idle timeout's.
 */
final class MinimumBodyRate extends Handler.Wrapper {
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long bytesPerSecond;

    MinimumBodyRate(Handler next, long bytesPerSecond) {
        super(next);
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(bytesPerSecond == 0 ? request : new Timed(request), response, callback);
    }

    /** Whether {@code bytes} arrived too slowly for {@code elapsedNanos} since the request began. */
    static boolean tooSlow(long bytes, long elapsedNanos, long bytesPerSecond) {
        long allowedNanos = GRACE_NANOS + TimeUnit.SECONDS.toNanos(1) * bytes / bytesPerSecond;
        return elapsedNanos > allowedNanos;
    }

    /** The request with its body reads timed. Read by one thread at a time, as Jetty's contract says. */
    private final class Timed extends Request.Wrapper {
        private long bytes;
        private Content.Chunk failure;

        Timed(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            bytes += chunk.remaining();
            if (!chunk.isLast() && tooSlow(bytes, System.nanoTime() - getBeginNanoTime(), bytesPerSecond)) {
                chunk.release();
                failure = Content.Chunk.from(new TimeoutException("the request body arrives too slowly"));
                return failure;
            }
            return chunk;
        }
    }
}
