package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ServiceLimits;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adapter's integration suite, run unchanged on every Jakarta REST runtime (one subclass each,
 * each in a JVM whose class path holds only that runtime). Servers are started portably with
 * {@link SeBootstrap} on free ports of 127.0.0.1 and called over real sockets with
 * {@code java.net.http} (HTTP/1.1), as Entra ID would.
 *
 * <p>Two mounts: {@code open} serves SCIM at {@code /scim/v2} of an application at the root, with
 * anonymous discovery (K-23) and two tenants; {@code closed} serves it at {@code /scim/v2} of an
 * application mounted at {@code /api}, with anonymous discovery off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdapterSuite {
    static final String CONTOSO_TOKEN = "contoso-0123456789abcdefghijklmnop";
    static final String FABRIKAM_TOKEN = "fabrikam-9876543210zyxwvutsrqponml";
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final List<SeBootstrap.Instance> instances = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** {@code http://127.0.0.1:port/scim/v2}, anonymous discovery on. */
    private URI open;
    /** {@code http://127.0.0.1:port/api/scim/v2}, anonymous discovery off. */
    private URI closed;

    /** The package prefix of the runtime's {@code RuntimeDelegate}, to prove which runtime ran. */
    abstract String runtimePackage();

    @BeforeAll
    void startServers() throws Exception {
        BearerTokenAuthenticator tokens = BearerTokenAuthenticator.builder()
                .token("contoso", CONTOSO_TOKEN)
                .token("fabrikam", FABRIKAM_TOKEN)
                .build();
        open = start(endpoint(true, tokens), "/").resolve("scim/v2");
        closed = start(endpoint(false, BearerTokenAuthenticator.singleTenant(CONTOSO_TOKEN)), "/api")
                .resolve("api/scim/v2");
    }

    @AfterAll
    void stopServers() throws Exception {
        for (SeBootstrap.Instance instance : instances) {
            instance.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static ScimEndpoint endpoint(boolean anonymousDiscovery, ScimAuthenticator authenticator) {
        SchemaRegistry registry = SchemaRegistry.core();
        InMemoryStores stores = InMemoryStores.create(registry);
        ScimService service = ScimService.builder()
                // Deliberately not the address the tests call: Location must follow the request (K-40).
                .baseUri(URI.create("https://configured.example/scim/v2"))
                .schemas(registry)
                .userStore(stores.users())
                .groupStore(stores.groups())
                .limits(ServiceLimits.defaults().withMaxPayloadSize(MAX_PAYLOAD).withBulk(1000, MAX_PAYLOAD))
                .anonymousDiscovery(anonymousDiscovery)
                .build();
        return ScimEndpoint.builder(service).basePath("/scim/v2").authenticator(authenticator).build();
    }

    /** Starts the endpoint's application at {@code rootPath}; answers {@code http://127.0.0.1:port/}. */
    private URI start(ScimEndpoint endpoint, String rootPath) throws Exception {
        Application application = endpoint.application();
        SeBootstrap.Configuration configuration = SeBootstrap.Configuration.builder()
                .protocol("HTTP").host("127.0.0.1").port(SeBootstrap.Configuration.FREE_PORT).rootPath(rootPath)
                .build();
        SeBootstrap.Instance instance = SeBootstrap.start(application, configuration).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        instances.add(instance);
        int port = instance.configuration().port();
        assertThat(port).as("the runtime reports the port it bound").isPositive();
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Test
    void runsOnTheExpectedRuntime() {
        assertThat(RuntimeDelegate.getInstance().getClass().getName()).startsWith(runtimePackage());
    }

    // ---- media types (P-GEN-01..05, K-44) ----

    static Stream<Arguments> requestMediaTypes() {
        return Stream.of(
                Arguments.of("application/scim+json; charset=utf-8", null, "application/scim+json"),
                Arguments.of("application/scim+json", "application/scim+json", "application/scim+json"),
                Arguments.of("application/json", "application/json", "application/json"),
                Arguments.of("application/json; charset=UTF-8", null, "application/scim+json"),
                // REST Assured's default for a media type it does not know: an ASCII body reads the same
                Arguments.of("application/scim+json; charset=ISO-8859-1", null, "application/scim+json"),
                Arguments.of("application/json", "application/json, application/scim+json", "application/scim+json"),
                Arguments.of("application/scim+json", "*/*", "application/scim+json"),
                Arguments.of("application/scim+json", "text/html", "application/scim+json"));
    }

    @ParameterizedTest(name = "Content-Type {0}, Accept {1} -> {2}")
    @MethodSource("requestMediaTypes")
    void servesBothJsonMediaTypesAndAnswersScimJson(String contentType, String accept, String expected)
            throws Exception {
        String userName = uniqueName("media");
        HttpRequest.Builder create = request(URI.create(open + "/Users"), CONTOSO_TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(userJson(userName)));
        if (accept != null) {
            create.header("Accept", accept);
        }
        HttpResponse<String> created = send(create);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue(expected);

        HttpRequest.Builder read = request(URI.create(created.headers().firstValue("Location").orElseThrow()),
                CONTOSO_TOKEN).GET();
        if (accept != null) {
            read.header("Accept", accept);
        }
        HttpResponse<String> got = send(read);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type")).hasValue(expected);
        assertThat(json(got).path("userName").asText()).isEqualTo(userName);
    }

    // ---- query strings: '+' is a space (Entra's filter encoding) ----

    @Test
    void plusInTheQueryStringIsASpace() throws Exception {
        String userName = uniqueName("plus") + " two words";
        assertThat(create(open, CONTOSO_TOKEN, userName).statusCode()).isEqualTo(201);
        String rawUserName = userName.replace(" ", "+");
        HttpResponse<String> found = send(request(URI.create(open + "/Users?filter=userName+eq+%22" + rawUserName
                + "%22"), CONTOSO_TOKEN).GET());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode list = json(found);
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("userName").asText()).isEqualTo(userName);

        HttpResponse<String> percent = send(request(URI.create(open + "/Users?filter=userName%20eq%20%22"
                + userName.replace(" ", "%20") + "%22"), CONTOSO_TOKEN).GET());
        assertThat(json(percent).path("totalResults").asInt()).isEqualTo(1);
    }

    // ---- Location follows the mount (P-CRT-02, K-40) ----

    @Test
    void locationIsAbsoluteForTheRootMount() throws Exception {
        assertLocationBelow(open, "http://127.0.0.1:" + open.getPort() + "/scim/v2/Users/");
    }

    @Test
    void locationIsAbsoluteForAnApplicationMountedBelowTheRoot() throws Exception {
        assertLocationBelow(closed, "http://127.0.0.1:" + closed.getPort() + "/api/scim/v2/Users/");
    }

    private void assertLocationBelow(URI base, String expectedPrefix) throws Exception {
        HttpResponse<String> created = create(base, CONTOSO_TOKEN, uniqueName("location"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue(expectedPrefix + id);
        assertThat(json(created).path("meta").path("location").asText()).isEqualTo(expectedPrefix + id);
        HttpResponse<String> got = send(request(URI.create(expectedPrefix + id), CONTOSO_TOKEN).GET());
        assertThat(got.statusCode()).isEqualTo(200);
    }

    // ---- round trip with ETags (P-VER-*) ----

    @Test
    void getPatchDeleteRoundTripWithEtagsAndPreconditions() throws Exception {
        HttpResponse<String> created = create(open, CONTOSO_TOKEN, uniqueName("roundtrip"));
        assertThat(created.statusCode()).isEqualTo(201);
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        String createdTag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> got = send(request(location, CONTOSO_TOKEN).GET());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("ETag")).hasValue(createdTag);

        String patch = "{\"schemas\":[\"" + PATCH_SCHEMA + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"Round Trip\"}]}";
        HttpResponse<String> patched = send(request(location, CONTOSO_TOKEN).header("If-Match", createdTag)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).path("displayName").asText()).isEqualTo("Round Trip");
        String patchedTag = patched.headers().firstValue("ETag").orElseThrow();
        assertThat(patchedTag).isNotEqualTo(createdTag);

        HttpResponse<String> stalePatch = send(request(location, CONTOSO_TOKEN).header("If-Match", createdTag)
                .header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));
        assertThat(stalePatch.statusCode()).isEqualTo(412);
        HttpResponse<String> staleDelete = send(request(location, CONTOSO_TOKEN).header("If-Match", createdTag)
                .DELETE());
        assertThat(staleDelete.statusCode()).isEqualTo(412);
        assertThat(json(staleDelete).path("status").asText()).isEqualTo("412");

        HttpResponse<String> deleted = send(request(location, CONTOSO_TOKEN).header("If-Match", patchedTag)
                .DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(send(request(location, CONTOSO_TOKEN).GET()).statusCode()).isEqualTo(404);
    }

    // ---- body size ----

    @Test
    void oversizeBodyIs413() throws Exception {
        String padding = "x".repeat(MAX_PAYLOAD + 1024);
        String body = "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + uniqueName("big")
                + "\",\"nickName\":\"" + padding + "\"}";
        HttpResponse<String> response = send(request(URI.create(open + "/Users"), CONTOSO_TOKEN)
                .header("Content-Type", "application/scim+json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("status").asText()).isEqualTo("413");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(open + "/Users"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(anonymous.statusCode()).as("authentication comes before the body").isEqualTo(401);
    }

    @Test
    void bodyJustUnderTheLimitIsServed() throws Exception {
        String userName = uniqueName("fits");
        String prefix = "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName + "\",\"nickName\":\"";
        String body = prefix + "y".repeat(MAX_PAYLOAD - prefix.length() - 2) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_PAYLOAD);
        HttpResponse<String> response = send(request(URI.create(open + "/Users"), CONTOSO_TOKEN)
                .header("Content-Type", "application/scim+json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    // ---- authentication (P-GEN-11, K-23) ----

    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                Arguments.of("GET", "/Users"), Arguments.of("POST", "/Users"),
                Arguments.of("GET", "/Users/2819c223"), Arguments.of("PUT", "/Users/2819c223"),
                Arguments.of("PATCH", "/Users/2819c223"), Arguments.of("DELETE", "/Users/2819c223"),
                Arguments.of("POST", "/Users/.search"),
                Arguments.of("GET", "/Groups"), Arguments.of("POST", "/Groups"),
                Arguments.of("GET", "/Groups/e9e30dba"), Arguments.of("PUT", "/Groups/e9e30dba"),
                Arguments.of("PATCH", "/Groups/e9e30dba"), Arguments.of("DELETE", "/Groups/e9e30dba"),
                Arguments.of("POST", "/Groups/.search"), Arguments.of("POST", "/.search"),
                Arguments.of("POST", "/Bulk"), Arguments.of("GET", "/Me"),
                Arguments.of("GET", "/NoSuchEndpoint"), Arguments.of("DELETE", "/"));
    }

    /** Authorization header values that must all be refused, or null for no header at all. */
    static List<List<String>> refusedCredentials() {
        return List.of(
                List.of(),
                List.of("Bearer wrong-token-0123456789abcdefgh"),
                List.of("Bearer " + CONTOSO_TOKEN + "x"),
                List.of("Bearer " + CONTOSO_TOKEN.substring(0, CONTOSO_TOKEN.length() - 1)),
                List.of("Basic " + CONTOSO_TOKEN),
                List.of("Bearer"),
                List.of("Bearer  "),
                List.of(CONTOSO_TOKEN),
                List.of("Bearer " + CONTOSO_TOKEN + " " + CONTOSO_TOKEN),
                List.of("Bearer " + CONTOSO_TOKEN, "Bearer " + CONTOSO_TOKEN),
                List.of("Bearer " + CONTOSO_TOKEN + ", Bearer " + FABRIKAM_TOKEN));
    }

    static Stream<Arguments> protectedEndpointsAndCredentials() {
        return protectedEndpoints().flatMap(endpoint -> refusedCredentials().stream()
                .map(credentials -> Arguments.of(endpoint.get()[0], endpoint.get()[1], credentials)));
    }

    @ParameterizedTest(name = "{0} {1} with Authorization {2} -> 401")
    @MethodSource("protectedEndpointsAndCredentials")
    void everyNonDiscoveryEndpointRefusesWithout401AValidToken(String method, String path, List<String> credentials)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(open + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/scim+json")
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"" + USER_SCHEMA + "\"]}"));
        credentials.forEach(value -> builder.header("Authorization", value));
        HttpResponse<String> response = send(builder);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"SCIM\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/scim+json");
        JsonNode error = json(response);
        assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo("401");
        assertThat(response.body()).doesNotContain("0123456789").doesNotContain("9876543210")
                .doesNotContain("wrong-token");
        assertThat(response.headers().map().toString()).doesNotContain("0123456789").doesNotContain("wrong-token");
    }

    static Stream<Arguments> everyEndpointWhenDiscoveryIsClosed() {
        return Stream.concat(protectedEndpoints(), Stream.of(Arguments.of("GET", "/ServiceProviderConfig"),
                Arguments.of("POST", "/ServiceProviderConfig"), Arguments.of("GET", "/Schemas"),
                Arguments.of("GET", "/ResourceTypes/User")));
    }

    @ParameterizedTest(name = "{0} {1} without a token, anonymous discovery off -> 401")
    @MethodSource("everyEndpointWhenDiscoveryIsClosed")
    void everyEndpointRefusesAnonymousCallersWhenDiscoveryIsClosed(String method, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(closed + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/scim+json")
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"SCIM\"");
        assertThat(json(response).path("status").asText()).isEqualTo("401");
    }

    static Stream<String> discoveryPaths() {
        return Stream.of("/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User", "/Schemas",
                "/Schemas/" + USER_SCHEMA);
    }

    @ParameterizedTest(name = "anonymous GET {0} is served when allowed")
    @MethodSource("discoveryPaths")
    void anonymousDiscoveryWhenAllowed(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(open + path))
                .timeout(Duration.ofSeconds(10)).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/scim+json");
    }

    @ParameterizedTest(name = "anonymous GET {0} is refused when not allowed")
    @MethodSource("discoveryPaths")
    void anonymousDiscoveryRefusedWhenNotAllowed(String path) throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(closed + path))
                .timeout(Duration.ofSeconds(10)).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"SCIM\"");
        HttpResponse<String> authenticated = send(request(URI.create(closed + path), CONTOSO_TOKEN).GET());
        assertThat(authenticated.statusCode()).as(authenticated.body()).isEqualTo(200);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(open + "/Users?count=1"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "bearer " + CONTOSO_TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    // ---- tenants ----

    @Test
    void twoTokensAreTwoIsolatedTenants() throws Exception {
        String userName = uniqueName("tenant");
        HttpResponse<String> contoso = create(open, CONTOSO_TOKEN, userName);
        assertThat(contoso.statusCode()).isEqualTo(201);
        URI location = URI.create(contoso.headers().firstValue("Location").orElseThrow());

        assertThat(send(request(location, FABRIKAM_TOKEN).GET()).statusCode()).isEqualTo(404);
        assertThat(send(request(location, FABRIKAM_TOKEN).DELETE()).statusCode()).isEqualTo(404);
        HttpResponse<String> search = send(request(URI.create(open + "/Users?filter=userName+eq+%22" + userName
                + "%22"), FABRIKAM_TOKEN).GET());
        assertThat(json(search).path("totalResults").asInt()).isZero();

        HttpResponse<String> fabrikam = create(open, FABRIKAM_TOKEN, userName);
        assertThat(fabrikam.statusCode()).as("the same userName in another tenant is no conflict").isEqualTo(201);
        assertThat(json(fabrikam).path("id").asText()).isNotEqualTo(json(contoso).path("id").asText());
        assertThat(send(request(location, CONTOSO_TOKEN).GET()).statusCode()).isEqualTo(200);
    }

    // ---- methods the runtime adds, and /Bulk through the adapter ----

    @Test
    void headIsServedLikeGetWithoutABody() throws Exception {
        HttpResponse<String> head = send(request(URI.create(open + "/ServiceProviderConfig"), CONTOSO_TOKEN)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(open + "/Users"))
                .timeout(Duration.ofSeconds(10)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void bulkCreatesThroughTheAdapter() throws Exception {
        String userName = uniqueName("bulk");
        String bulk = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b1\",\"data\":" + userJson(userName) + "}]}";
        HttpResponse<String> response = send(request(URI.create(open + "/Bulk"), CONTOSO_TOKEN)
                .header("Content-Type", "application/scim+json").POST(HttpRequest.BodyPublishers.ofString(bulk)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode operation = json(response).path("Operations").get(0);
        assertThat(operation.path("status").asText()).isEqualTo("201");
        assertThat(operation.path("location").asText()).startsWith(open + "/Users/");
        HttpResponse<String> found = send(request(URI.create(open + "/Users?filter=userName+eq+%22" + userName
                + "%22"), CONTOSO_TOKEN).GET());
        assertThat(json(found).path("totalResults").asInt()).isEqualTo(1);
    }

    // ---- outside the base path ----

    @Test
    void pathsOutsideTheBasePathAreNotScim() throws Exception {
        HttpResponse<String> response = send(request(open.resolve("/other/Users"), CONTOSO_TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(404);
        HttpResponse<String> prefix = send(request(open.resolve("/scim/v2x/Users"), CONTOSO_TOKEN).GET());
        assertThat(prefix.statusCode()).isEqualTo(404);
        assertThat(prefix.body()).doesNotContain("urn:ietf:params:scim");
    }

    /**
     * Whether the runtime's own errors pass the response filters, so that {@code ScimEndpoint.errorBodies()}
     * can give them a SCIM body: Jersey's do; RESTEasy answers an unparseable {@code Accept} itself.
     */
    abstract boolean runtimeErrorsPassTheResponseFilters();

    @Test
    void anAcceptHeaderTheRuntimeCannotParseIs400() throws Exception {
        HttpResponse<String> response = send(request(URI.create(open + "/Users?count=1"), CONTOSO_TOKEN)
                .header("Accept", "!!!/;;;").GET());
        assertThat(response.statusCode()).isEqualTo(400);
        if (!runtimeErrorsPassTheResponseFilters()) {
            return;
        }
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/scim+json"));
        assertThat(json(response).path("schemas").path(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(json(response).path("status").asText()).isEqualTo("400");
    }

    @Test
    void trailingSlashOnTheBaseAndOnResourcePaths() throws Exception {
        HttpResponse<String> response = send(request(URI.create(open + "/Users/?count=1"), CONTOSO_TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        HttpResponse<String> discovery = send(request(URI.create(open + "/ServiceProviderConfig/"), CONTOSO_TOKEN)
                .GET());
        assertThat(discovery.statusCode()).isEqualTo(200);
    }

    // ---- an encoded '/' in a resource id (ids never contain '/'); runtimes decode it into a real '/' ----

    @Test
    void anEncodedSlashNeverReachesAResource() throws Exception {
        HttpResponse<String> created = create(open, CONTOSO_TOKEN, uniqueName("slash"));
        String id = json(created).path("id").asText();
        for (String path : List.of("/Users/" + id + "%2F", "/Users/" + id + "%2f", "/Users/" + id + "%2Fx",
                "/Users/x%2F" + id, "/Users/x%2F..%2F" + id)) {
            HttpResponse<String> got = send(request(URI.create(open + path), CONTOSO_TOKEN).GET());
            assertThat(got.statusCode()).as(path).isEqualTo(404);
            assertThat(json(got).path("status").asText()).isEqualTo("404");
            HttpResponse<String> deleted = send(request(URI.create(open + path), CONTOSO_TOKEN).DELETE());
            assertThat(deleted.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(send(request(URI.create(open + "/Users/" + id), CONTOSO_TOKEN).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(open + "/Users/" + id + "%2F"))
                .timeout(Duration.ofSeconds(10)).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    // ---- helpers ----

    private HttpResponse<String> create(URI base, String token, String userName) throws Exception {
        return send(request(URI.create(base + "/Users"), token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(userJson(userName))));
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String userJson(String userName) throws IOException {
        return JSON.writeValueAsString(JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "schemas", JSON.createArrayNode().add(USER_SCHEMA)).put("userName", userName));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "@example.com";
    }
}
