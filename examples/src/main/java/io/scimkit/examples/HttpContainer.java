package io.scimkit.examples;

import io.scimkit.jaxrs.ScimEndpoint;
import jakarta.ws.rs.core.Application;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP server the example server runs on: a JAX-RS application, and optionally its SCIM endpoint
 * served without JAX-RS. The example server ships with Jetty ({@link JettyContainer}), which serves
 * SCIM requests directly; a Grizzly implementation in the test sources, which serves everything through
 * Jersey, reproduces the measurement that chose Jetty (BENCHMARKS.md).
 */
public interface HttpContainer {

    /**
     * Starts serving the application at {@code http://host:port/}.
     *
     * @param port 0 for any free port
     * @param limits how much of the server one client or tenant may hold (a container applies those it can)
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    Running start(String host, int port, HttpLimits limits, Served served);

    /**
     * What a container serves.
     *
     * @param application the JAX-RS application: the SCIM endpoint, the request log's filter
     *        ({@link RequestLogFilter}), health and any extra components
     * @param scim the SCIM endpoint in the application, which a container may call without JAX-RS
     *        ({@link ScimEndpoint#serve}) for the requests its application would route to it
     * @param log the request log of the application's filter, for the requests served without JAX-RS
     */
    record Served(Application application, ScimEndpoint scim, RequestLog log) {
        public Served {
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(scim, "scim");
            Objects.requireNonNull(log, "log");
        }
    }

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
