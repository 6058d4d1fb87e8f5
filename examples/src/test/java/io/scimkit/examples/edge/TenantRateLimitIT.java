package io.scimkit.examples.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.examples.ExampleServer;
import io.scimkit.examples.HttpLimits;
import io.scimkit.examples.ServerEnvironment;
import io.scimkit.examples.ServerOptions;
import io.scimkit.jaxrs.BearerTokenAuthenticator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-tenant request rate over HTTP (issue 14, tokens and limits): one tenant sending far more than its
 * rate gets 429 with {@code Retry-After} and an RFC 7644 §3.12 body, while another tenant's requests,
 * within its own burst, all succeed. The limit is so low (one request per 10 seconds after a burst of 3)
 * that the outcome does not depend on how fast the machine is; no timing assertions. The second tenant
 * authenticates with a {@code sha256:} hash in the tenants file, next to a retired token (rotation).
 */
class TenantRateLimitIT {
    private static final String GREEDY_TOKEN = "greedy-0123456789abcdefghijklmnop";
    private static final String PATIENT_TOKEN = "patient-0123456789abcdefghijklmno";
    private static final String PATIENT_OLD_TOKEN = "patient-old-0123456789abcdefghijk";
    private static final int BURST = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void oneTenantOverItsRateGets429WhileTheOtherTenantIsServed() throws Exception {
        Path tenants = dir.resolve("tenants.properties");
        Files.writeString(tenants, "greedy=" + GREEDY_TOKEN + "\npatient=" + PATIENT_OLD_TOKEN + ",sha256:"
                + BearerTokenAuthenticator.sha256Hex(PATIENT_TOKEN) + "\n");
        Files.setPosixFilePermissions(tenants, PosixFilePermissions.fromString("rw-------"));
        HttpLimits limits = HttpLimits.defaults().withRateLimit(0.1, BURST);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (ExampleServer server = ExampleServer.start(ServerOptions.defaults().withStore("memory").withPort(0)
                .withTenantsFile(tenants).withHttp(limits), ServerEnvironment.standard()
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8))
                .withAccessLog(line -> { }))) {
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("Rate limit per tenant: 0.1 requests per second, bursts of 3")
                    .contains("patient (2 tokens)").doesNotContain(PATIENT_TOKEN).doesNotContain(GREEDY_TOKEN)
                    .doesNotContain(BearerTokenAuthenticator.sha256Hex(PATIENT_TOKEN));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            List<HttpResponse<String>> greedy = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                greedy.add(get(client, server, GREEDY_TOKEN));
            }
            List<HttpResponse<String>> patient = new ArrayList<>();
            patient.add(get(client, server, PATIENT_OLD_TOKEN));
            for (int i = 1; i < BURST; i++) {
                patient.add(get(client, server, PATIENT_TOKEN));
            }

            assertThat(patient).as("the other tenant, old and new token").allSatisfy(
                    response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
            assertThat(greedy.subList(0, BURST)).allSatisfy(
                    response -> assertThat(response.statusCode()).isEqualTo(200));
            List<HttpResponse<String>> refused = greedy.stream().filter(response -> response.statusCode() == 429)
                    .toList();
            assertThat(refused).as("the greedy tenant's requests beyond its burst").hasSizeGreaterThanOrEqualTo(10);
            HttpResponse<String> first = refused.get(0);
            assertThat(first.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 10));
            assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/scim+json"));
            JsonNode body = JSON.readTree(first.body());
            assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(body.path("status").asText()).isEqualTo("429");
            assertThat(first.body()).doesNotContain(GREEDY_TOKEN);
        }
    }

    private static HttpResponse<String> get(HttpClient client, ExampleServer server, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/Users?count=1"))
                        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
