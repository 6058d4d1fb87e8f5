package io.scimkit.examples;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;

/**
 * Jersey on Jetty 12: the example server's production container. Chosen over Grizzly although
 * Grizzly answered more requests per second, because Grizzly (4.0.2 and 4.1.0) drops the
 * {@code Content-Type} header when a client offers an h2c upgrade, as java.net.http does by
 * default; SCIM responses must carry {@code application/scim+json} (RFC 7644 §8.1). See BENCHMARKS.md.
 *
 * <p>Hardened for clients on the internet: no {@code Server} header, Jetty's own errors as SCIM error
 * bodies ({@link ScimErrorPages}), request URIs that name the connection's address rather than the
 * {@code Host} header ({@link ConnectionAuthority}), and the {@link HttpLimits} (threads, idle timeout,
 * slowest request body).
 */
public final class JettyContainer implements HttpContainer {

    @Override
    public Running start(String host, int port, HttpLimits limits, Application application) {
        Server server = JettyHttpContainerFactory.createServer(
                UriBuilder.fromUri("http://localhost/").host(host).port(port).build(), JerseyConfig.of(application),
                false);
        if (server.getThreadPool() instanceof QueuedThreadPool threads) {
            threads.setMaxThreads(limits.maxThreads());
        }
        // Jersey's factory listens on every interface whatever the URI's host says: bind as asked.
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        connector.setHost(host);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.addCustomizer(new ConnectionAuthority());
        server.setErrorHandler(new ScimErrorPages());
        // GracefulHandler lets requests in flight finish when the server stops (SIGTERM).
        server.setHandler(new GracefulHandler(new MinimumBodyRate(server.getHandler(), limits.minBodyRate())));
        try {
            server.start();
        } catch (Exception cannotStart) {
            throw new UncheckedIOException(new IOException("cannot listen on " + host + ":" + port, cannotStart));
        }
        return new JettyRunning(server, connector.getLocalPort());
    }

    private record JettyRunning(Server server, int port) implements Running {
        @Override
        public void stop(Duration grace) {
            server.setStopTimeout(grace.toMillis());
            try {
                server.stop();
            } catch (Exception ignored) {
                // Stopping (often from a shutdown hook): nothing more can be done about a failure.
            }
        }
    }
}
