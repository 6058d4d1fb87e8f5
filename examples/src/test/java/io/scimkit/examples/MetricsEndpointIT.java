package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code --metrics-port}: after SCIM requests, a Prometheus scrape of the metrics port finds the request
 * timer with its resource type, method, status and tenant tags, the dialect rule that fired and the store
 * calls, and nothing of the token, the user's data or the resource id; the SCIM port does not serve
 * {@code /metrics}, and without the option there is no metrics endpoint.
 */
class MetricsEndpointIT {
    private static final String TOKEN = "metrics-" + UUID.randomUUID().toString().replace("-", "");
    private static final String USER_NAME = "grace.hopper@metrics.example";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void aScrapeAfterScimRequestsHasTheRequestTimerWithItsTagsAndNoSecretOrUserData() throws Exception {
        try (ExampleServer server = start(ServerOptions.defaults().withMetricsPort(0))) {
            URI metrics = server.metricsUri();
            assertThat(metrics).isNotNull();
            assertThat(metrics.getPort()).isNotEqualTo(server.port());
            assertThat(console.toString(StandardCharsets.UTF_8)).contains(metrics.toString());

            HttpResponse<String> created = scim(server, "POST", "/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true,
                     "name":{"givenName":"Grace","familyName":"Hopper"}}""".formatted(USER_NAME));
            assertThat(created.statusCode()).isEqualTo(201);
            String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
            HttpResponse<String> patched = scim(server, "PATCH", "/Users/" + id, """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
            assertThat(patched.statusCode()).isEqualTo(200);
            assertThat(scim(server, "GET", "/Users?filter=" + java.net.URLEncoder.encode(
                    "userName eq \"" + USER_NAME + "\"", StandardCharsets.UTF_8), null).statusCode()).isEqualTo(200);

            HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            String text = scrape.body();
            assertThat(text)
                    .contains("scim_requests_seconds_count{method=\"POST\",resource_type=\"User\",status=\"201\","
                            + "tenant=\"default\"} 1")
                    .contains("scim_requests_seconds_count{method=\"PATCH\",resource_type=\"User\",status=\"200\","
                            + "tenant=\"default\"} 1")
                    .contains("scim_requests_seconds_count{method=\"GET\",resource_type=\"User\",status=\"200\","
                            + "tenant=\"default\"} 1")
                    .contains("scim_dialect_rules_fired_total{rule=\"op-case-insensitive\",tenant=\"default\"} 1")
                    .contains("scim_store_calls_seconds_count{operation=\"create\",outcome=\"success\","
                            + "resource_type=\"User\"} 1")
                    .contains("jvm_memory_used_bytes");
            assertThat(text).doesNotContain(TOKEN).doesNotContain("grace").doesNotContain("Hopper")
                    .doesNotContain(id).doesNotContain("Bearer");

            assertThat(client.send(HttpRequest.newBuilder(metrics.resolve("/other")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            assertThat(client.send(HttpRequest.newBuilder(server.baseUri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("the SCIM port does not serve the metrics").isNotEqualTo(200);
        }
    }

    @Test
    void withoutTheOptionThereIsNoMetricsEndpoint() {
        try (ExampleServer server = start(ServerOptions.defaults())) {
            assertThat(server.metricsUri()).isNull();
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("Metrics");
        }
    }

    private ExampleServer start(ServerOptions options) {
        return ExampleServer.start(options.withStore("memory").withPort(0)
                        .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN")),
                ServerEnvironment.standard().withoutRequestLogs()
                        .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> scim(ExampleServer server, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/scim+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
