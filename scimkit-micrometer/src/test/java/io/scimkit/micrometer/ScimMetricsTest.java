package io.scimkit.micrometer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The meters after real requests through a {@link ScimService} whose observer and stores are metered. */
class ScimMetricsTest {
    private static final ScimPrincipal ACME = new ScimPrincipal("acme", "entra provisioning of acme");
    private static final String USER_NAME = "alice@acme.example";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SchemaRegistry schemas = SchemaRegistry.core();
    private final ScimMetrics metrics = ScimMetrics.of(registry, schemas);
    private final InMemoryStores stores = InMemoryStores.create(schemas);
    private final ScimService service = ScimService.builder()
            .baseUri(URI.create("https://scim.example.com/scim/v2"))
            .schemas(schemas)
            .userStore(metrics.userStore(stores.users()))
            .groupStore(metrics.groupStore(stores.groups()))
            .dialect(ClientDialect.lenient())
            .requestObserver(metrics)
            .build();

    @Test
    void anEntraCreateAndReplacePatchAreTimedPerResourceTypeMethodStatusAndTenant() {
        String id = createUser();
        ScimResponse patched = send("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        assertThat(patched.status()).isEqualTo(200);

        assertThat(requests("User", "POST", "201", "acme")).isEqualTo(1);
        assertThat(requests("User", "PATCH", "200", "acme")).isEqualTo(1);
        assertThat(registry.get(ScimMetrics.REQUESTS).tag("method", "PATCH").timer().totalTime(
                java.util.concurrent.TimeUnit.NANOSECONDS)).as("the service's time is recorded").isPositive();
    }

    @Test
    void eachLenientRuleThatFiredIsCountedPerTenantAndRule() {
        String id = createUser();
        send("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        send("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"title","value":"Engineer"}]}""");

        assertThat(rule(DialectRule.OP_CASE_INSENSITIVE)).isEqualTo(2);
        assertThat(rule(DialectRule.BOOLEAN_STRINGS)).isEqualTo(1);
        assertThat(registry.find(ScimMetrics.DIALECT_RULES_FIRED).tag("tenant", "acme").counters())
                .as("only rules that fired have a counter")
                .hasSize(2);
    }

    @Test
    void storeCallsAreTimedPerOperationAndOutcome() {
        String id = createUser();
        send("GET", "/Users/" + id, "");
        send("DELETE", "/Users/" + id, "");
        send("GET", "/Users/" + id, "");
        createUser();
        ScimResponse taken = send("POST", "/Users", userBody());
        assertThat(taken.status()).isEqualTo(409);

        assertThat(storeCalls("User", "create", "success")).isEqualTo(2);
        assertThat(storeCalls("User", "create", "rejected")).as("the uniqueness conflict the store answered").isEqualTo(1);
        assertThat(storeCalls("User", "get", "success")).isPositive();
        assertThat(storeCalls("User", "delete", "success")).isEqualTo(1);
        assertThat(requests("User", "GET", "404", "acme")).isEqualTo(1);
        assertThat(requests("User", "DELETE", "204", "acme")).isEqualTo(1);
    }

    @Test
    void groupMemberOperationsAreTimedOnTheGroupStore() {
        String userId = createUser();
        ScimResponse group = send("POST", "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering"}""");
        String groupId = group.header("Location").orElseThrow().replaceAll(".*/", "");
        ScimResponse added = send("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"value":"%s"}]}]}""".formatted(userId));
        assertThat(added.status()).isEqualTo(204);

        assertThat(requests("Group", "PATCH", "204", "acme")).isEqualTo(1);
        assertThat(storeCalls("Group", "create", "success")).isEqualTo(1);
        assertThat(registry.find(ScimMetrics.STORE_CALLS).tag("resource.type", "Group").timers())
                .as("the member PATCH reached the group store through a timed call")
                .anySatisfy(timer -> assertThat(timer.getId().getTag("operation"))
                        .isIn("members-among", "update", "add-members"));
    }

    @Test
    void noResourceIdPathOrAttributeValueBecomesATag() {
        String id = createUser();
        send("GET", "/Users/" + id, "");
        send("GET", "/Users", "");
        send("BREW", "/Coffee/" + id, "");
        service.handle(new ScimRequest("GET", "/Users", "filter=userName%20eq%20%22" + USER_NAME + "%22",
                HttpHeaders.EMPTY, new byte[0], ACME, null));

        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(id).doesNotContain("alice").doesNotContain("Coffee")
                        .doesNotContain("entra");
            }
        }
        assertThat(registry.find(ScimMetrics.REQUESTS).tags("resource.type", "other", "method", "other").timer())
                .as("an unknown method on an unknown endpoint").isNotNull();
    }

    @Test
    void discoveryAndOtherEndpointsAreTaggedByName() {
        metrics.served(ScimRequest.of("GET", "/ServiceProviderConfig", null), ScimResponse.empty(200), Set.of());
        metrics.served(ScimRequest.of("POST", "/Bulk", ACME), ScimResponse.empty(200), Set.of());
        metrics.served(ScimRequest.of("POST", "//users/.search", ACME), ScimResponse.empty(200), Set.of());
        metrics.served(ScimRequest.of("GET", "/", ACME), ScimResponse.empty(404), Set.of(), Duration.ofMillis(3));

        assertThat(requests("ServiceProviderConfig", "GET", "200", "none")).isEqualTo(1);
        assertThat(requests("Bulk", "POST", "200", "acme")).isEqualTo(1);
        assertThat(requests("User", "POST", "200", "acme")).isEqualTo(1);
        assertThat(requests("other", "GET", "404", "acme")).isEqualTo(1);
    }

    @Test
    void theOutboxFiguresAreReadAtEachScrape() {
        AtomicLong backlog = new AtomicLong(7);
        AtomicLong failures = new AtomicLong();
        metrics.bindOutbox(backlog::get, failures::get);

        assertThat(registry.get(ScimMetrics.OUTBOX_BACKLOG).gauge().value()).isEqualTo(7);
        backlog.set(2);
        failures.set(3);

        assertThat(registry.get(ScimMetrics.OUTBOX_BACKLOG).gauge().value()).isEqualTo(2);
        assertThat(registry.get(ScimMetrics.OUTBOX_DELIVERY_FAILURES).functionCounter().count()).isEqualTo(3);
    }

    private String createUser() {
        ScimResponse created = send("POST", "/Users", userBody());
        assertThat(created.status()).isEqualTo(201);
        return created.header("Location").orElseThrow().replaceAll(".*/", "");
    }

    private static String userBody() {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true}"""
                .formatted(USER_NAME);
    }

    private ScimResponse send(String method, String path, String body) {
        return service.handle(new ScimRequest(method, path, "", HttpHeaders.of("Content-Type", "application/scim+json"),
                body.getBytes(UTF_8), ACME, null));
    }

    private long requests(String resourceType, String method, String status, String tenant) {
        var timer = registry.find(ScimMetrics.REQUESTS).tags("resource.type", resourceType, "method", method,
                "status", status, "tenant", tenant).timer();
        return timer == null ? 0 : timer.count();
    }

    private long storeCalls(String resourceType, String operation, String outcome) {
        var timer = registry.find(ScimMetrics.STORE_CALLS).tags("resource.type", resourceType, "operation", operation,
                "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double rule(DialectRule rule) {
        var counter = registry.find(ScimMetrics.DIALECT_RULES_FIRED).tags("tenant", "acme", "rule", rule.id())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
