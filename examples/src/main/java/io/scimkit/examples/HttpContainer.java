package io.scimkit.examples;

import jakarta.ws.rs.core.Application;
import java.time.Duration;

/**
 * The HTTP server a JAX-RS application runs on. The example server ships with Jetty
 * ({@link JettyContainer}); a Grizzly implementation in the test sources reproduces the measurement
 * that chose it (BENCHMARKS.md).
 */
public interface HttpContainer {

    /**
     * Starts serving the application at {@code http://host:port/}.
     *
     * @param port 0 for any free port
     * @param limits how much of the server one client or tenant may hold (a container applies those it can)
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    Running start(String host, int port, HttpLimits limits, Application application);

    /** A started server. */
    interface Running {
        /** The port it listens on (the chosen one when 0 was asked for). */
        int port();

        /**
         * Stops accepting connections, lets requests in flight finish for up to {@code grace}, then
         * closes everything.
         */
        void stop(Duration grace);
    }
}
