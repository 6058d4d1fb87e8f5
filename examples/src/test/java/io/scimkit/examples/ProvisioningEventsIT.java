package io.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.examples.events.EventOptions;
import io.scimkit.examples.events.EventTarget;
import io.scimkit.examples.events.WebhookSignature;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server's {@code --events} over real HTTP with the in-memory store (synchronous
 * delivery): Entra's disable reaches a webhook as {@code user.deactivated}, signed so that a receiver
 * can check it on its own; a failing webhook never fails the SCIM request; {@code --events log}
 * writes one JSON line per event; the secret is never printed.
 */
class ProvisioningEventsIT {
    private static final String TOKEN = "events-" + UUID.randomUUID().toString().replace("-", "");
    private static final String SECRET = "events-secret-" + UUID.randomUUID();
    private static final String USER = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    /** What Entra sends to disable a user: op and boolean with their own capitalization. */
    private static final String ENTRA_DISABLE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        receiver.close();
    }

    private ExampleServer start(EventOptions events) {
        return start("memory", events);
    }

    /** No minimum body rate: on a machine this busy a request body may take longer than the grace second. */
    private ExampleServer start(String store, EventOptions events) {
        return ExampleServer.start(ServerOptions.defaults().withStore(store).withPort(0)
                        .withToken(new ConfiguredToken(TOKEN, "from SCIM_TOKEN")).withEvents(events)
                        .withHttp(new HttpLimits(200, 16, Duration.ofSeconds(30), 0)),
                ServerEnvironment.standard().withConsole(new PrintStream(console, true, StandardCharsets.UTF_8))
                        .withoutRequestLogs());
    }

    private EventOptions signedWebhook() {
        return new EventOptions(new EventTarget.Webhook(receiver.url()), new WebhookSignature(SECRET),
                Duration.ofSeconds(10));
    }

    @Test
    void entrasDisableReachesTheWebhookAsUserDeactivatedSignedCorrectly() throws Exception {
        try (ExampleServer server = start(signedWebhook())) {
            ScimHttp http = new ScimHttp(server.baseUri(), "Bearer " + TOKEN);
            ScimHttp.Answer created = http.post("/Users", "{" + USER + ",\"userName\":\"ada@contoso.example\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String id = created.body().path("id").asText();
            ScimHttp.Answer disabled = http.patch("/Users/" + id, ENTRA_DISABLE);
            assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
            assertThat(disabled.body().path("active").asBoolean(true)).isFalse();

            List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
            assertThat(WebhookReceiver.types(deliveries)).containsExactly("user.created", "user.deactivated");
            WebhookReceiver.Delivery deactivated = deliveries.get(1);
            assertThat(deactivated.eventType()).isEqualTo("user.deactivated");
            assertThat(deactivated.json().path("resourceId").asText()).isEqualTo(id);
            assertThat(deactivated.json().path("resourceType").asText()).isEqualTo("User");
            assertThat(deactivated.json().path("version").asText()).isEqualTo(disabled.body().path("meta")
                    .path("version").asText());
            assertThat(deactivated.contentType()).isEqualTo("application/json");
            assertThat(deliveries).allSatisfy(delivery -> {
                assertThat(WebhookReceiver.signedWith(SECRET, delivery)).as(delivery.signature()).isTrue();
                assertThat(delivery.eventId()).isNotBlank();
            });
            assertThat(deliveries.get(0).eventId()).isNotEqualTo(deliveries.get(1).eventId());
        }
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("Provisioning events: POSTed to " + receiver.url() + " (signed")
                .doesNotContain(SECRET);
    }

    @Test
    void aFailingWebhookNeverFailsTheScimRequestInMemory() throws Exception {
        receiver.answer(500);
        try (ExampleServer server = start(signedWebhook())) {
            ScimHttp http = new ScimHttp(server.baseUri(), "Bearer " + TOKEN);
            ScimHttp.Answer created = http.post("/Users", "{" + USER + ",\"userName\":\"bob@contoso.example\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            ScimHttp.Answer disabled = http.patch("/Users/" + created.body().path("id").asText(), ENTRA_DISABLE);
            assertThat(disabled.status()).isEqualTo(200);
        }
        assertThat(WebhookReceiver.types(receiver.deliveries())).containsExactly("user.created", "user.deactivated");
    }

    /**
     * On H2 the events go through the outbox: a webhook that is down when the change is made gets the
     * event once it is back (retried with backoff), under the same event id and signed; the SCIM
     * requests succeed meanwhile.
     */
    @Test
    void withAJdbcStoreAFailedDeliveryIsRetriedFromTheOutboxUntilTheWebhookTakesIt() throws Exception {
        receiver.answer(503);
        try (ExampleServer server = start(TestStores.h2(temp), signedWebhook())) {
            ScimHttp http = new ScimHttp(server.baseUri(), "Bearer " + TOKEN);
            ScimHttp.Answer created = http.post("/Users", "{" + USER + ",\"userName\":\"eve@contoso.example\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String id = created.body().path("id").asText();
            assertThat(http.patch("/Users/" + id, ENTRA_DISABLE).status()).isEqualTo(200);
            receiver.await(deliveries -> !deliveries.isEmpty(), 20);

            receiver.answer(204);
            List<WebhookReceiver.Delivery> deliveries = receiver.await(all -> WebhookReceiver.types(
                    all.stream().filter(WebhookReceiver.Delivery::acknowledged).toList()).contains("user.deactivated"),
                    30);
            List<WebhookReceiver.Delivery> taken = deliveries.stream().filter(WebhookReceiver.Delivery::acknowledged)
                    .toList();
            assertThat(WebhookReceiver.types(taken)).containsExactly("user.created", "user.deactivated");
            assertThat(taken.get(1).json().path("resourceId").asText()).isEqualTo(id);
            assertThat(deliveries.get(0).answered()).as("the first try was refused").isEqualTo(503);
            assertThat(deliveries.get(0).eventId()).as("retried under the same id").isEqualTo(taken.get(0).eventId());
            assertThat(deliveries).allSatisfy(delivery ->
                    assertThat(WebhookReceiver.signedWith(SECRET, delivery)).isTrue());
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("scim_outbox", "at least once")
                .doesNotContain(SECRET);
    }

    /** As an operator runs it (its own JVM, the secret in the environment): the log shows events and failures, never the secret. */
    @Test
    void logLinesAndFailedDeliveriesAreLoggedWithoutTheSecret() throws Exception {
        TestStores.Tenant tenant = TestStores.Tenant.fresh(temp);
        try (ServerProcess logged = ServerProcess.start(List.of("--store", "memory", "--min-body-rate", "0", "--tenants",
                tenant.file().toString(), "--events", "log"), Map.of())) {
            ScimHttp http = new ScimHttp(logged.baseUri(), "Bearer " + tenant.token());
            String id = http.post("/Users", "{" + USER + ",\"userName\":\"cy@contoso.example\"}").body().path("id")
                    .asText();
            assertThat(http.patch("/Users/" + id, ENTRA_DISABLE).status()).isEqualTo(200);
            awaitOutput(logged, "\"type\":\"user.deactivated\"");
            assertThat(logged.output()).contains("INFO events - {\"type\":\"user.created\",\"tenant\":\""
                    + tenant.name() + "\",\"resourceType\":\"User\",\"resourceId\":\"" + id + "\"");
        }

        receiver.answer(503);
        try (ServerProcess failing = ServerProcess.start(List.of("--store", "memory", "--min-body-rate", "0", "--tenants",
                tenant.file().toString(), "--events", receiver.url().toString()), Map.of("SCIM_EVENTS_SECRET", SECRET))) {
            ScimHttp http = new ScimHttp(failing.baseUri(), "Bearer " + tenant.token());
            assertThat(http.post("/Users", "{" + USER + ",\"userName\":\"dee@contoso.example\"}").status())
                    .isEqualTo(201);
            awaitOutput(failing, "HTTP 503");
            assertThat(failing.output()).contains("webhook delivery of user.created to " + receiver.url()
                    + " failed: HTTP 503").doesNotContain(SECRET);
        }
        assertThat(receiver.deliveries()).singleElement()
                .satisfies(delivery -> assertThat(WebhookReceiver.signedWith(SECRET, delivery)).isTrue());
    }

    private static void awaitOutput(ServerProcess server, String text) throws InterruptedException {
        for (int i = 0; i < 500 && !server.output().contains(text); i++) {
            Thread.sleep(20);
        }
    }
}
