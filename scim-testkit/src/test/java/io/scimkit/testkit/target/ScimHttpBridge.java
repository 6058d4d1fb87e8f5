package io.scimkit.testkit.target;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP front for a ScimService on the JDK's built-in server, for the testkit's own
 * HTTP tests (the real adapter lives in scim-jaxrs, which the testkit must not depend on). It
 * accepts exactly one bearer token and remembers what each request looked like.
 */
final class ScimHttpBridge implements AutoCloseable {
    static final String CONTEXT = "/scim/v2";

    /** What arrived: protocol, method, headers. */
    record Seen(String protocol, String method, String rawQuery, Map<String, List<String>> headers) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final URI base;

    ScimHttpBridge(ScimService service, String token) throws IOException {
        // Without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext(CONTEXT, exchange -> handle(exchange, service, token));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CONTEXT);
    }

    URI baseUri() {
        return base;
    }

    private void handle(HttpExchange exchange, ScimService service, String token) throws IOException {
        try (exchange) {
            seen.add(new Seen(exchange.getProtocol(), exchange.getRequestMethod(), String.valueOf(exchange.getRequestURI().getRawQuery()),
                    Map.copyOf(exchange.getRequestHeaders())));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            ScimPrincipal principal = ("Bearer " + token).equals(authorization) ? ScimPrincipal.of("bridge") : null;
            String path = exchange.getRequestURI().getRawPath().substring(CONTEXT.length());
            String query = exchange.getRequestURI().getRawQuery();
            ScimRequest request = new ScimRequest(exchange.getRequestMethod(), path.isEmpty() ? "/" : path,
                    query == null ? "" : query, HttpHeaders.of(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes(), principal, base);
            ScimResponse response = service.handle(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
