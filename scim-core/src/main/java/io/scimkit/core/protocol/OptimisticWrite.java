package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read, compute, compare-and-swap, retry: an attempt loads the resource, computes
 * the new state from it and writes it with the version it read as {@code expectedVersion}. When
 * another writer got there first the store answers 412 and the attempt runs again on the fresh
 * state, so two concurrent PATCHes never lose each other's changes. When the client sent
 * {@code If-Match}, a 412 is the client's answer and is not retried (RFC 7644 §3.14).
 */
final class OptimisticWrite {
    /** Attempts before giving up; each waits a little longer (randomised) to let the others finish. */
    static final int MAX_ATTEMPTS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(OptimisticWrite.class);

    private OptimisticWrite() {
    }

    /**
     * Runs the attempt until it does not fail with a version conflict.
     *
     * @param clientPrecondition whether the request carried {@code If-Match}: then a 412 is final
     * @throws ScimException 412 if the resource kept changing for {@link #MAX_ATTEMPTS} attempts
     */
    static <T> T run(boolean clientPrecondition, Supplier<T> attempt) {
        for (int attempts = 1;; attempts++) {
            try {
                return attempt.get();
            } catch (ScimException failure) {
                if (failure.status() != 412 || clientPrecondition) {
                    throw failure;
                }
                if (attempts >= MAX_ATTEMPTS) {
                    throw ScimException.preconditionFailed("the resource was changed concurrently by other requests"
                            + " too often; retry the request");
                }
                LOG.debug("version conflict on attempt {}, retrying", attempts);
                backOff(attempts);
            }
        }
    }

    private static void backOff(int attempts) {
        long ceiling = 20_000L << Math.min(attempts, 7);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling));
    }
}
