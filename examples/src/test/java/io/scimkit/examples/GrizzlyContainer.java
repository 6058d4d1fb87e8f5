package io.scimkit.examples;

import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Jersey on Grizzly's HTTP server: the alternative measured against Jetty (BENCHMARKS.md). Faster
 * here, but it drops {@code Content-Type} when the request offers an h2c upgrade
 * (java.net.http offers one by default), so the example server ships with {@link JettyContainer}.
 */
public final class GrizzlyContainer implements HttpContainer {

    /** Applies none of the limits, and serves SCIM through Jersey too: only the measurement uses this container. */
    @Override
    public Running start(String host, int port, HttpLimits limits, Served served) {
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                UriBuilder.fromUri("http://localhost/").host(host).port(port).build(),
                JerseyConfig.of(served.application()), false);
        try {
            server.start();
        } catch (IOException cannotBind) {
            server.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, cannotBind);
        }
        NetworkListener listener = server.getListeners().iterator().next();
        return new GrizzlyRunning(server, listener.getPort());
    }

    private record GrizzlyRunning(HttpServer server, int port) implements Running {
        @Override
        public void stop(Duration grace) {
            // Grizzly's graceful shutdown: stop accepting, wait for requests in flight, then close.
            try {
                server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).get(grace.toMillis() + 1000,
                        TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException notGraceful) {
                server.shutdownNow();
            }
        }
    }
}
