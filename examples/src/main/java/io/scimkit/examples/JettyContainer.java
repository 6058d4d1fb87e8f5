package io.scimkit.examples;

import io.scimkit.jaxrs.ScimEndpoint;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
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
 *
 * <p>SCIM requests are served by a Jetty handler in front of Jersey that calls the endpoint directly
 * ({@link DirectScimHandler}); Jersey serves the rest (HEAD, OPTIONS, health, extra components).
 * Handlers, outermost first: {@link GracefulHandler}, {@link MinimumBodyRate}, {@link DirectScimHandler},
 * Jersey.
 */
public final class JettyContainer implements HttpContainer {
    private final LongAdder direct = new LongAdder();

    @Override
    public Running start(String host, int port, HttpLimits limits, Served served) {
        Server server = JettyHttpContainerFactory.createServer(
                UriBuilder.fromUri("http://localhost/").host(host).port(port).build(),
                JerseyConfig.of(served.application()), false);
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
        DirectScimHandler scim = new DirectScimHandler(server.getHandler(), served.scim(),
                claimedByOthers(served.application().getSingletons()), served.log(), direct);
        server.setHandler(new GracefulHandler(new MinimumBodyRate(scim, limits.minBodyRate())));
        try {
            server.start();
        } catch (Exception cannotStart) {
            throw new UncheckedIOException(new IOException("cannot listen on " + host + ":" + port, cannotStart));
        }
        return new JettyRunning(server, connector.getLocalPort());
    }

    /** How many SCIM requests the servers of this container served without Jersey. */
    long directRequests() {
        return direct.sum();
    }

    /**
     * The literal beginnings of the paths of the application's resources other than the SCIM endpoint
     * (up to the first template variable, without a trailing {@code /}), e.g. {@code /health}: Jersey
     * routes a path starting with one to that resource rather than to the endpoint's catch-all, or, if
     * it does not match after all, to the catch-all, so declining them all is safe.
     */
    static List<String> claimedByOthers(Iterable<Object> singletons) {
        List<String> prefixes = new ArrayList<>();
        for (Object singleton : singletons) {
            Path path = singleton.getClass().getAnnotation(Path.class);
            if (path != null && !(singleton instanceof ScimEndpoint)) {
                String literal = path.value();
                int variable = literal.indexOf('{');
                if (variable >= 0) {
                    literal = literal.substring(0, variable);
                } else {
                    while (literal.endsWith("/")) {
                        literal = literal.substring(0, literal.length() - 1);
                    }
                }
                prefixes.add(literal.startsWith("/") ? literal : "/" + literal);
            }
        }
        return prefixes;
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
