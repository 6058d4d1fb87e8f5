package io.scimkit.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.dialect.DialectRule;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.RequestObserver;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.protocol.ServiceLimits;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an embedder may read back from a built service, and what the builder refuses. */
class ScimServiceTest {
    private static final URI BASE = URI.create("https://scim.example.com/scim/v2");
    private static final ScimPrincipal CALLER = ScimPrincipal.of("test");

    private final SchemaRegistry schemas = SchemaRegistry.core();
    private final InMemoryStores stores = InMemoryStores.create(schemas);

    private ScimService.Builder builder() {
        return ScimService.builder().baseUri(BASE).schemas(schemas).userStore(stores.users())
                .groupStore(stores.groups());
    }

    @Test
    void readsBackWhatItWasBuiltWith() {
        ClientDialect dialect = ClientDialect.strict();
        ServiceLimits limits = ServiceLimits.defaults().withMaxResults(50);

        ScimService service = builder().dialect(dialect).limits(limits).build();

        assertThat(service.baseUri()).isEqualTo(BASE);
        assertThat(service.schemas()).isSameAs(schemas);
        assertThat(service.dialect()).isSameAs(dialect);
        assertThat(service.limits()).isEqualTo(limits);
    }

    @Test
    void theDialectCountsTheRewritesOfTheRequestsItServed() {
        ScimService service = builder().dialect(ClientDialect.lenient()).build();
        ScimResponse created = service.handle(post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice"}"""));
        String id = created.header("Location").orElseThrow().replaceAll(".*/", "");

        ScimResponse patched = service.handle(new ScimRequest("PATCH", "/Users/" + id, "", json(), """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"displayName","value":"Alice"}]}""".getBytes(UTF_8),
                CALLER, null));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(service.dialect().stats().firings(DialectRule.OP_CASE_INSENSITIVE)).isEqualTo(1);
    }

    @Test
    void theRequestObserverIsToldWhichRulesFiredForEachRequest() {
        List<String> served = new ArrayList<>();
        ScimService service = builder().dialect(ClientDialect.lenient())
                .requestObserver((request, response, fired) -> served.add(request.method() + " " + response.status()
                        + " " + fired.stream().map(DialectRule::id).toList()))
                .build();
        ScimResponse created = service.handle(post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice"}"""));
        String id = created.header("Location").orElseThrow().replaceAll(".*/", "");
        service.handle(new ScimRequest("PATCH", "/Users/" + id, "", json(), """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"displayName","value":"Alice"}]}""".getBytes(UTF_8),
                CALLER, null));
        service.handle(ScimRequest.of("GET", "/Users/" + id, CALLER));
        service.handle(post("/Bulk", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"PATCH","path":"/Users/%s","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations":[{"op":"Add","path":"title","value":"Engineer"}]}}]}""".formatted(id)));

        assertThat(served).as("a Bulk request is reported once, with the rules its operations fired")
                .containsExactly("POST 201 []", "PATCH 200 [" + DialectRule.OP_CASE_INSENSITIVE.id() + "]",
                        "GET 200 []", "POST 200 [" + DialectRule.OP_CASE_INSENSITIVE.id() + "]");
        assertThat(service.dialect().stats().firings(DialectRule.OP_CASE_INSENSITIVE)).isEqualTo(2);
    }

    @Test
    void theRequestObserverIsToldHowLongTheServiceTook() {
        List<Duration> times = new ArrayList<>();
        ScimService service = builder().requestObserver(new RequestObserver() {
            @Override
            public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules) {
                throw new AssertionError("the service reports the time");
            }

            @Override
            public void served(ScimRequest request, ScimResponse response, Set<DialectRule> firedRules,
                    Duration elapsed) {
                times.add(elapsed);
            }
        }).build();

        service.handle(ScimRequest.of("GET", "/Users", CALLER));

        assertThat(times).singleElement().satisfies(elapsed -> assertThat(elapsed).isPositive());
    }

    @Test
    void aFailingObserverDoesNotChangeTheResponse() {
        ScimService service = builder().requestObserver((request, response, fired) -> {
            throw new IllegalStateException("observer down");
        }).build();

        assertThat(service.handle(ScimRequest.of("GET", "/Users", CALLER)).status()).isEqualTo(200);
    }

    @Test
    void aBaseUriWithAQueryIsRefusedWithoutCitingAnythingButTheUri() {
        assertThatThrownBy(() -> builder().baseUri(URI.create("https://scim.example.com/scim?x=1")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the base URI must be absolute, without query or fragment: "
                        + "https://scim.example.com/scim?x=1");
    }

    @Test
    void aResourceTypeWithoutAStoreIsRefused() {
        assertThatThrownBy(() -> ScimService.builder().baseUri(BASE).userStore(stores.users()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource type Group has no store");
    }

    private static ScimRequest post(String path, String body) {
        return new ScimRequest("POST", path, "", json(), body.getBytes(UTF_8), CALLER, null);
    }

    private static HttpHeaders json() {
        return HttpHeaders.of("Content-Type", "application/scim+json");
    }
}
