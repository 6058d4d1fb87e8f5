package io.scimkit.jaxrs;

import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.ScimService;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conversion of a Jakarta REST request into a {@link ScimRequest} and of the refusal cases, without
 * a runtime: a recording function stands in for {@code ScimService::handle}.
 */
class RequestBridgeTest {
    /** The service's answer to an adapter's own failure: a 500 with an error id, logged with the cause. */
    private static final RequestBridge.Failures FAILURES = ScimService.builder()
            .baseUri(URI.create("https://scim.example.com/scim/v2"))
            .userStore(InMemoryStores.create(SchemaRegistry.core()).users())
            .groupStore(InMemoryStores.create(SchemaRegistry.core()).groups()).build()::failure;

    private static final URI APPLICATION = URI.create("https://idp.example.com:8443/app/");
    private static final String TOKEN = "valid-token-0123456789abcdef";
    private static final ScimPrincipal CONTOSO = new ScimPrincipal("contoso", "test");

    private final List<ScimRequest> seen = new ArrayList<>();
    private ScimResponse answer = ScimResponse.json(200, "{}".getBytes(StandardCharsets.UTF_8));

    private final ScimAuthenticator tokens = headers -> headers.first("Authorization")
            .filter(value -> value.equals("Bearer " + TOKEN))
            .map(value -> AuthResult.authenticated(CONTOSO))
            .orElse(AuthResult.refused("invalid bearer token"));

    private RequestBridge bridge(String basePath, int limit) {
        Function<ScimRequest, ScimResponse> service = request -> {
            seen.add(request);
            return answer;
        };
        return new RequestBridge(service, FAILURES, BasePath.parse(basePath), tokens, limit, true);
    }

    private Optional<RequestBridge.Reply> serve(String method, String path, String rawQuery,
            Map<String, List<String>> headers, InputStream body) {
        return bridge("/scim/v2", 100).serve(method, path, rawQuery, APPLICATION, headers, body);
    }

    private static Map<String, List<String>> authorized(String... more) {
        Map<String, List<String>> headers = new TreeMap<>();
        headers.put("Authorization", List.of("Bearer " + TOKEN));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], List.of(more[i + 1]));
        }
        return headers;
    }

    @Test
    void convertsMethodPathRawQueryHeadersBodyPrincipalAndBaseUri() {
        byte[] body = "{\"userName\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = authorized("content-type", "application/scim+json; charset=utf-8");
        headers.put("If-Match", List.of("W/\"1\"", "W/\"2\""));
        Optional<RequestBridge.Reply> reply = serve("patch", "scim/v2/Users/2819c223", "filter=userName+eq+%22x%22&a=b",
                headers, new ByteArrayInputStream(body));

        assertThat(reply).isPresent();
        ScimRequest request = seen.get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo("/Users/2819c223");
        assertThat(request.rawQuery()).isEqualTo("filter=userName+eq+%22x%22&a=b");
        assertThat(request.query().first("filter")).hasValue("userName eq \"x\"");
        assertThat(request.headers().first("Content-Type")).hasValue("application/scim+json; charset=utf-8");
        assertThat(request.headers().all("if-match")).containsExactly("W/\"1\"", "W/\"2\"");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.principal()).isEqualTo(CONTOSO);
        assertThat(request.baseUri()).isEqualTo(URI.create("https://idp.example.com:8443/app/scim/v2"));
    }

    @ParameterizedTest(name = "application path \"{0}\" -> SCIM path \"{1}\"")
    @CsvSource({
        "scim/v2, /",
        "/scim/v2, /",
        "scim/v2/, /",
        "scim/v2/Users, /Users",
        "/scim/v2/Users/, /Users/",
        "scim/v2/Users/.search, /Users/.search",
        "scim/v2/ServiceProviderConfig, /ServiceProviderConfig",
        "scim/v2/Users/a b, /Users/a b",
        "scim/v2/Users/a%20b, /Users/a b",
        "scim/v2/Users/Zo%C3%AB, /Users/Zoë",
        "scim/v2/Users/100%, /Users/100%",
        "scim/v2/Users/%zz, /Users/%zz",
        "scim/v2/Schemas/urn%3Aietf%3Aparams, /Schemas/urn:ietf:params"})
    void pathBelowTheBase(String applicationPath, String scimPath) {
        serve("GET", applicationPath, null, authorized(), null);
        assertThat(seen).singleElement().extracting(ScimRequest::path).isEqualTo(scimPath);
    }

    @ParameterizedTest(name = "\"{0}\" is not below /scim/v2")
    @CsvSource({"''", "scim", "scim/v2x", "scim/v2x/Users", "other/scim/v2/Users", "Scim/v2/Users"})
    void pathsOutsideTheBaseAreNotServed(String applicationPath) {
        assertThat(serve("GET", applicationPath, null, authorized(), null)).isEmpty();
        assertThat(seen).isEmpty();
    }

    @ParameterizedTest(name = "{0} is 404: ids never contain '/'")
    @CsvSource({"scim/v2/Users/2819c223%2F", "scim/v2/Users/2819c223%2f", "scim/v2/Users/a%2Fb",
        "scim/v2/Groups/x%2F..%2F2819c223"})
    void anEncodedSlashBelowTheBaseIs404WithoutAskingTheService(String applicationPath) {
        Optional<RequestBridge.Reply> reply = serve("GET", applicationPath, null, authorized(), null);
        assertThat(reply).get().extracting(found -> found.response().status()).isEqualTo(404);
        assertThat(reply.get().response().bodyText()).contains("never contain '/'");
        assertThat(seen).isEmpty();
    }

    @Test
    void anEncodedSlashFromAnAnonymousCallerGetsTheServicesAnswer() {
        answer = ScimResponse.error(io.scimkit.core.error.ScimException.unauthorized("authentication required"));
        Optional<RequestBridge.Reply> reply = serve("GET", "scim/v2/Users/1%2F", null, new TreeMap<>(), null);
        assertThat(reply).get().extracting(found -> found.response().status()).isEqualTo(401);
    }

    @Test
    void anEmptyBasePathServesTheWholeApplication() {
        bridge("/", 100).serve("GET", "Users/1", null, APPLICATION, authorized(), null);
        assertThat(seen.get(0).path()).isEqualTo("/Users/1");
        assertThat(seen.get(0).baseUri()).isEqualTo(URI.create("https://idp.example.com:8443/app"));
    }

    @Test
    void locationCanFollowTheServicesConfiguredBaseInstead() {
        new RequestBridge(request -> {
            seen.add(request);
            return answer;
        }, FAILURES, BasePath.parse("/scim/v2"), tokens, 100, false)
                .serve("GET", "scim/v2/Users", null, APPLICATION, authorized(), null);
        assertThat(seen.get(0).baseUri()).as("null: the service uses its configured base URI").isNull();
    }

    @Test
    void noQueryIsTheEmptyQuery() {
        serve("GET", "scim/v2/Users", null, authorized(), null);
        assertThat(seen.get(0).rawQuery()).isEmpty();
    }

    @Test
    void bodyIsReadUpToTheLimitPlusOneByteOnly() {
        CountingStream endless = new CountingStream(Long.MAX_VALUE);
        serve("POST", "scim/v2/Users", null, authorized(), endless);
        assertThat(seen.get(0).body()).hasSize(101);
        assertThat(endless.delivered).isEqualTo(101);
    }

    @Test
    void bodyAtTheLimitIsReadWhole() {
        serve("POST", "scim/v2/Users", null, authorized(), new CountingStream(100));
        assertThat(seen.get(0).body()).hasSize(100);
    }

    @Test
    void refusedCallersAreAnonymousAndTheirBodyIsNotRead() {
        CountingStream body = new CountingStream(50);
        answer = ScimResponse.json(200, "{\"discovery\":true}".getBytes(StandardCharsets.UTF_8));
        Optional<RequestBridge.Reply> reply = serve("GET", "scim/v2/Schemas", null,
                Map.of("Authorization", List.of("Bearer nope")), body);
        assertThat(seen.get(0).principal()).isNull();
        assertThat(seen.get(0).body()).isEmpty();
        assertThat(body.delivered).isZero();
        assertThat(reply.orElseThrow().response()).isSameAs(answer);
    }

    @Test
    void aRefusalTheServiceUpholdsBecomes401WithTheAuthenticatorsDetail() {
        answer = ScimResponse.error(ScimException.unauthorized("authentication required"));
        ScimResponse response = serve("GET", "scim/v2/Users", null, Map.of("Authorization", List.of("Bearer nope")),
                null).orElseThrow().response();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer realm=\"SCIM\"");
        assertThat(response.bodyText()).contains("invalid bearer token").doesNotContain("nope");
    }

    @Test
    void anAuthenticatorFailureIsA500ThatRevealsNothing() {
        RequestBridge failing = new RequestBridge(request -> answer, FAILURES, BasePath.parse("/scim/v2"), headers -> {
            throw new IllegalStateException("directory down: secret=" + TOKEN);
        }, 100, true);
        ScimResponse response = failing.serve("GET", "scim/v2/Users", null, APPLICATION, authorized(), null)
                .orElseThrow().response();
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).doesNotContain("directory").doesNotContain(TOKEN).contains("error id");
    }

    @Test
    void aServiceFailureIsA500() {
        RequestBridge failing = new RequestBridge(request -> {
            throw new IllegalArgumentException("boom");
        }, FAILURES, BasePath.parse("/scim/v2"), tokens, 100, true);
        ScimResponse response = failing.serve("GET", "scim/v2/Users", null, APPLICATION, authorized(), null)
                .orElseThrow().response();
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).doesNotContain("boom").contains("error id");
    }

    @Test
    void anUnreadableBodyIs400() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ScimResponse response = serve("POST", "scim/v2/Users", null, authorized(), broken).orElseThrow().response();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("invalidSyntax");
        assertThat(seen).isEmpty();
    }

    @Test
    void nullHeaderNamesAndValuesFromARuntimeAreDropped() {
        Map<String, List<String>> headers = new java.util.HashMap<>(authorized());
        headers.put(null, List.of("x"));
        headers.put("X-Empty", null);
        headers.put("X-Some", Arrays.asList("a", null, "b"));
        serve("GET", "scim/v2/Users", null, headers, null);
        HttpHeaders seenHeaders = seen.get(0).headers();
        assertThat(seenHeaders.all("X-Some")).containsExactly("a", "b");
        assertThat(seenHeaders.all("X-Empty")).isEmpty();
    }

    @ParameterizedTest(name = "Accept {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "                                       | application/scim+json",
        "application/json                       | application/json",
        "application/scim+json                  | application/scim+json"})
    void replyCarriesTheNegotiatedMediaType(String accept, String expected) {
        Map<String, List<String>> headers = accept == null ? authorized() : authorized("Accept", accept);
        assertThat(serve("GET", "scim/v2/Users", null, headers, null).orElseThrow().mediaType()).isEqualTo(expected);
    }

    /** A body of {@code size} bytes that counts how many it handed out. */
    private static final class CountingStream extends InputStream {
        private final long size;
        private long delivered;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (delivered >= size) {
                return -1;
            }
            delivered++;
            return 'x';
        }
    }
}
