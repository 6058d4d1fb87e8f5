package io.scimkit.core.protocol;

import io.scimkit.core.dialect.DialectRule;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Told of every request a {@link io.scimkit.core.ScimService} served, after the response is ready
 * and before the adapter sends it: for an audit log or metrics. It sees the request (principal,
 * method, path, headers: never log the {@code Authorization} header or the body) and the response,
 * and which {@link DialectRule}s rewrote this request (Entra quirks, see {@code docs/entra-quirks.md}).
 * Operations inside a Bulk request (RFC 7644 §3.7) are not reported one by one: the Bulk request is,
 * with the rules that fired for any of its operations.
 *
 * <p>Called on the thread that served the request; it must be quick and thread-safe. An exception
 * it throws is logged and does not change the response.
 */
@FunctionalInterface
public interface RequestObserver {

    /**
     * One request was served.
     *
     * @param firedRules the rules that changed this request, in declaration order; empty if none
     */
    void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules);

    /**
     * One request was served in {@code elapsed}: the time the service took from receiving the request
     * to having the response ready (for a streamed body, before the body is written). This is what
     * {@link io.scimkit.core.ScimService} calls; the default forgets the time and calls
     * {@link #served(ScimRequest, ScimResponse, Set)}. Metrics override it.
     */
    default void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules, Duration elapsed) {
        served(request, response, firedRules);
    }

    /**
     * An observer that tells this one, then {@code next}, of every request, with the elapsed time to
     * both: e.g. an audit log and metrics on one service. {@code next} is told even when this one
     * throws; the first exception is then rethrown (the service logs it), with a second one suppressed.
     */
    default RequestObserver andThen(RequestObserver next) {
        Objects.requireNonNull(next, "next");
        RequestObserver first = this;
        return new RequestObserver() {
            @Override
            public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules) {
                inTurn(() -> first.served(request, response, firedRules),
                        () -> next.served(request, response, firedRules));
            }

            @Override
            public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules,
                    Duration elapsed) {
                inTurn(() -> first.served(request, response, firedRules, elapsed),
                        () -> next.served(request, response, firedRules, elapsed));
            }
        };
    }

    /** Runs both; rethrows the first failure, with the second's suppressed. */
    private static void inTurn(Runnable first, Runnable second) {
        RuntimeException failure = null;
        try {
            first.run();
        } catch (RuntimeException failed) {
            failure = failed;
        }
        try {
            second.run();
        } catch (RuntimeException failed) {
            if (failure == null) {
                failure = failed;
            } else {
                failure.addSuppressed(failed);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
