package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness and readiness outside the SCIM base path: unauthenticated, small JSON bodies without a
 * version banner, on the server as an operator starts it (its own JVM on H2) and in process on the
 * in-memory store.
 */
class HealthEndpointsIT {
    private static final String TOKEN = "health-" + UUID.randomUUID().toString().replace("-", "");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path data;

    @Test
    void theServerProcessOnH2IsLiveAndReadyWithoutCredentials() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--store", "h2:" + data.resolve("db")),
                Map.of("SCIM_TOKEN", TOKEN))) {
            assertHealthy(server.baseUri());
            assertThat(server.output()).as("probes are not SCIM requests: no audit line").doesNotContain("health");
        }
    }

    @Test
    void theInMemoryServerIsAlwaysReady() throws Exception {
        try (ExampleServer server = ExampleServer.start(ServerOptions.defaults().withStore("memory").withPort(0)
                        .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN")),
                ServerEnvironment.standard().withoutRequestLogs()
                        .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))) {
            assertHealthy(server.baseUri());
        }
    }

    private void assertHealthy(URI scimBase) throws IOException, InterruptedException {
        HttpResponse<String> live = get(scimBase.resolve("/health/live"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(live.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(live.headers().firstValue("Server")).isEmpty();
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");

        HttpResponse<String> ready = get(scimBase.resolve("/health/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"READY\"}");

        assertThat(get(scimBase.resolve("/health/other")).statusCode()).isEqualTo(404);
        assertThat(get(URI.create(scimBase + "/Users")).statusCode()).as("SCIM still asks for a token")
                .isEqualTo(401);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
