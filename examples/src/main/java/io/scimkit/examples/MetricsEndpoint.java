package io.scimkit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The example server's metrics: {@code GET /metrics} answers the registry's meters in the Prometheus
 * text exposition format (version 0.0.4), on a port of its own, so that a firewall can keep it from
 * the internet while the SCIM endpoint is reachable. Every other path is 404, every other method 405.
 * One thread: a scrape every few seconds is all it serves. The meters never hold a token, a path or
 * a user's data (see {@link io.scimkit.micrometer.ScimMetrics}).
 */
final class MetricsEndpoint implements AutoCloseable {
    /** The path scrapers ask for. */
    static final String PATH = "/metrics";
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsEndpoint(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Starts serving the registry at {@code http://bind:port/metrics}.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    static MetricsEndpoint start(String bind, int port, PrometheusMeterRegistry registry) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(new IOException("cannot serve metrics on " + bind + ":" + port, cannotBind));
        }
        server.createContext("/", exchange -> answer(exchange, registry));
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread named = new Thread(runnable, "scim-metrics");
            named.setDaemon(true);
            return named;
        });
        server.setExecutor(thread);
        server.start();
        return new MetricsEndpoint(server, thread);
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The port it listens on (the chosen one when 0 was asked for). */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
