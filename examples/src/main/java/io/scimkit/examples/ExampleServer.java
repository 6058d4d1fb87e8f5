package io.scimkit.examples;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.RequestObserver;
import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jaxrs.ScimEndpoint;
import io.scimkit.jdbc.OutboxDispatcher;
import io.scimkit.micrometer.ScimMetrics;
import jakarta.ws.rs.core.Application;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The example SCIM 2.0 server: scimkit's {@link ScimService} behind the {@code scim-jaxrs}
 * endpoint, on Jetty (SCIM requests served directly, the rest through Jersey), with bearer-token authentication, an audit log (or a plain access
 * log), liveness and readiness endpoints ({@link HealthResource}), optional Prometheus metrics on a
 * port of their own ({@link MetricsEndpoint}), provisioning events logged or POSTed to a webhook
 * ({@link io.scimkit.examples.events}) and graceful shutdown.
 * {@link #main} is the command line ({@link ServerCommand}); {@link #start} is the same
 * server for tests and embedding, on any port (0 picks a free one).
 *
 * <pre>{@code
 * try (ExampleServer server = ExampleServer.start(ServerOptions.defaults().withPort(0))) {
 *     URI tenantUrl = server.baseUri();   // e.g. http://127.0.0.1:41234/scim/v2
 * }
 * }</pre>
 */
public final class ExampleServer implements AutoCloseable {
    private final HttpContainer.Running http;
    private final @Nullable MetricsEndpoint metrics;
    private final OpenedStores stores;
    private final URI baseUri;
    private final ServerEnvironment environment;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ExampleServer(HttpContainer.Running http, @Nullable MetricsEndpoint metrics, OpenedStores stores,
            URI baseUri, ServerEnvironment environment) {
        this.http = http;
        this.metrics = metrics;
        this.stores = stores;
        this.baseUri = baseUri;
        this.environment = environment;
    }

    /**
     * Runs the server until SIGTERM or Ctrl-C. Exits with 2 on a usage error and 1 if the server
     * cannot start.
     */
    public static void main(String[] args) throws InterruptedException {
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        ServerEnvironment environment = ServerEnvironment.standard();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        ServerCommand.Outcome outcome = ServerCommand.parse(args, System.getenv(), environment.stores(), in, out, err);
        if (outcome instanceof ServerCommand.Exit exit) {
            if (exit.status() != 0) {
                System.exit(exit.status());
            }
            return;
        }
        ExampleServer server;
        try {
            server = start(((ServerCommand.Run) outcome).options(), environment);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException cannotStart) {
            err.println("error: " + cannotStart.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM and Ctrl-C run shutdown hooks: stop accepting, finish requests in flight, close the stores,
        // then write out the queued log lines.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            LogFlush.flush();
        }, "scim-shutdown"));
        server.awaitClose();
    }

    /** Starts a server with the standard environment (standard output, Jetty). */
    public static ExampleServer start(ServerOptions options) {
        return start(options, ServerEnvironment.standard());
    }

    /**
     * Starts a server and prints the start-up message: the Tenant URL to paste into Entra and
     * where the token comes from.
     *
     * @throws IllegalArgumentException for a bad store, tenants file or token
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static ExampleServer start(ServerOptions options, ServerEnvironment environment) {
        Credentials credentials = Credentials.from(options, environment.random());
        SchemaRegistry registry = SchemaRegistry.core();
        ProvisioningListener events = options.events().listener(Clock.systemUTC());
        OpenedStores stores = events == null ? environment.stores().open(options.store(), registry)
                : environment.stores().open(options.store(), registry, events);
        MetricsEndpoint metricsEndpoint = null;
        try {
            String host = advertisedHost(options.bind());
            // With a public URL, Location and meta.location use it whatever the request says. Without one,
            // the adapter uses the URI of each request, which the container builds from the address the
            // connection arrived at (never from the Host header); this one is then unused.
            URI configuredBase = options.publicUrl() != null ? options.publicUrl()
                    : URI.create("http://" + host + ":" + Math.max(options.port(), 1) + options.basePath());
            AuditLog audit = new AuditLog(options.basePath(), environment.auditLog());
            PrometheusMeterRegistry meters = options.metricsPort() == ServerOptions.NO_METRICS ? null : jvmMeters();
            ScimMetrics scimMetrics = meters == null ? null : ScimMetrics.of(meters, registry);
            if (scimMetrics != null && stores.outbox() != null) {
                OutboxDispatcher outbox = stores.outbox();
                scimMetrics.bindOutbox(outbox::backlog, outbox::failedDeliveries);
            }
            ScimService.Builder builder = ScimService.builder()
                    .baseUri(configuredBase)
                    .schemas(registry)
                    .userStore(scimMetrics == null ? stores.users() : scimMetrics.userStore(stores.users()))
                    .groupStore(scimMetrics == null ? stores.groups() : scimMetrics.groupStore(stores.groups()))
                    .dialect(options.dialect().dialect())
                    .validation(options.validation())
                    .deletePolicy(options.deletePolicy());
            RequestObserver observer = options.auditLog() ? audit : null;
            if (scimMetrics != null) {
                observer = observer == null ? scimMetrics : observer.andThen(scimMetrics);
            }
            if (observer != null) {
                builder.requestObserver(observer);
            }
            if (events != null && !stores.deliversEvents()) {
                builder.listener(events);
            }
            ScimService service = builder.build();
            ScimEndpoint endpoint = ScimEndpoint.builder(service).basePath(options.basePath())
                    .authenticator(credentials.authenticator())
                    .locationFromRequest(options.publicUrl() == null)
                    .maxConcurrentRequestsPerTenant(options.http().maxRequestsPerTenant())
                    .rateLimitPerTenant(options.http().rateLimit(), options.http().rateBurst())
                    .build();
            Set<Object> singletons = new LinkedHashSet<>();
            singletons.add(endpoint);
            singletons.add(endpoint.errorBodies());
            // One line per request, never two: the audit line when the audit log is on, else the access line;
            // written by the filter for Jersey's requests, by the container for those it serves directly.
            RequestLog log = options.auditLog() ? audit : new AccessLog(environment.accessLog());
            singletons.add(new RequestLogFilter(log));
            singletons.add(new HealthResource(stores.readiness()));
            singletons.addAll(environment.extraComponents());
            if (meters != null) {
                metricsEndpoint = MetricsEndpoint.start(options.bind(), options.metricsPort(), meters);
            }
            HttpContainer.Running http = environment.container().start(options.bind(), options.port(),
                    options.http(), new HttpContainer.Served(new Singletons(singletons), endpoint, log));
            URI baseUri = URI.create("http://" + host + ":" + http.port() + options.basePath());
            ExampleServer server = new ExampleServer(http, metricsEndpoint, stores, baseUri, environment);
            server.printStartup(options, credentials, stores);
            return server;
        } catch (RuntimeException failed) {
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
            closeQuietly(stores);
            throw failed;
        }
    }

    /** The SCIM base URL: what Entra calls the Tenant URL. */
    public URI baseUri() {
        return baseUri;
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /**
     * The URL of the Prometheus metrics ({@code --metrics-port}), or {@code null} without a metrics
     * endpoint.
     */
    public @Nullable URI metricsUri() {
        return metrics == null ? null
                : URI.create("http://" + baseUri.getHost() + ":" + metrics.port() + MetricsEndpoint.PATH);
    }

    /**
     * Stops the server gracefully: no new connections, requests in flight get the configured grace
     * period, then the stores are closed. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            http.stop(environment.shutdownGrace());
            if (metrics != null) {
                metrics.close();
            }
            closeQuietly(stores);
            environment.console().println("scimkit example server stopped.");
            environment.console().flush();
        } finally {
            closed.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void printStartup(ServerOptions options, Credentials credentials, OpenedStores opened) {
        var console = environment.console();
        console.println("scimkit example server is running (SCIM 2.0, RFC 7643/7644).");
        URI tenantUrl = options.publicUrl() != null ? options.publicUrl() : baseUri;
        console.println("Tenant URL (paste into Entra's \"Tenant URL\" field): " + tenantUrl);
        if (options.publicUrl() != null) {
            console.println("Listening at " + baseUri + " behind the proxy that serves the Tenant URL.");
        }
        credentials.startupLines().forEach(console::println);
        console.println("Store: " + opened.description());
        console.println("Dialect: " + options.dialect().name().toLowerCase(Locale.ROOT)
                + "; delete: " + options.deletePolicy().name().toLowerCase(Locale.ROOT)
                + "; required User attributes: " + required(options.requiredAttributes()));
        if (options.events().enabled()) {
            console.println("Provisioning events: " + options.events().describe() + (opened.deliversEvents()
                    ? "; at least once, from the database (retried until a delivery succeeds)"
                    : "; once, right after each change (a failed delivery is logged, not retried)"));
        } else {
            console.println("Provisioning events: off");
        }
        if (options.http().rateLimit() > 0) {
            console.println("Rate limit per tenant: " + options.http().rateLimit() + " requests per second, bursts of "
                    + options.http().rateBurst() + " (more: 429 with Retry-After)");
        }
        URI metricsUri = metricsUri();
        if (metricsUri != null) {
            console.println("Metrics (Prometheus text format, keep this port private): " + metricsUri);
        }
        if (options.publicUrl() == null) {
            if (isWildcard(options.bind())) {
                console.println("Listening on all interfaces: use this machine's public name in the Tenant URL.");
            }
            console.println("Entra calls from the internet over HTTPS: put a TLS reverse proxy or tunnel in front "
                    + "and pass its URL as --public-url.");
        }
        console.flush();
    }

    private static String required(Set<AttributePath> paths) {
        return paths.isEmpty() ? "userName (the schema's)"
                : "userName, " + paths.stream().map(ExampleServer::shortName).collect(Collectors.joining(", "));
    }

    private static String shortName(AttributePath path) {
        String name = path.subAttribute() == null ? path.attribute() : path.attribute() + "." + path.subAttribute();
        return "urn:ietf:params:scim:schemas:core:2.0:User".equals(path.schemaUrn()) ? name
                : path.schemaUrn() + ":" + name;
    }

    private static String advertisedHost(String bind) {
        if (isWildcard(bind)) {
            return "localhost";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    private static boolean isWildcard(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
    }

    /** A registry for Prometheus with the JVM's memory, threads, processor and uptime meters. */
    private static PrometheusMeterRegistry jvmMeters() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        return meters;
    }

    /** One observer telling two: the audit log, then the metrics, each with the service's time. */
    private static void closeQuietly(OpenedStores stores) {
        try {
            stores.close();
        } catch (Exception ignored) {
            // Shutting down: nothing more to do with a store that fails to close.
        }
    }

    /** A JAX-RS application of fixed singletons: the SCIM endpoint, the access log and any extras. */
    private static final class Singletons extends Application {
        private final Set<Object> singletons;

        Singletons(Set<Object> singletons) {
            this.singletons = Set.copyOf(singletons);
        }

        @Override
        public Set<Object> getSingletons() {
            return singletons;
        }
    }
}
