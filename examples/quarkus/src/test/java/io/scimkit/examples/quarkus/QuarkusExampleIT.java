package io.scimkit.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.target.HttpTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Quarkus application as started by {@code @QuarkusTest} (Quarkus REST on Vert.x, the CDI beans of
 * {@link ScimBeans}, the test profile's token), driven over real HTTP: the whole Entra ID provisioning
 * catalogue, plus the application's own resource next to SCIM's catch-all.
 */
@QuarkusTest
class QuarkusExampleIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The SCIM base ("Tenant URL") on the port the test application listens on. */
    @TestHTTPResource("/scim/v2")
    URI scimBase;

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "scimkit.token")
    String token;

    /** One container per scenario run, one test per step (Entra ID's requests replayed over HTTP). */
    @TestFactory
    Stream<DynamicNode> entraCatalogueOverHttp() {
        return EntraConformance.against(HttpTarget.of(scimBase, token)).dynamicTests();
    }

    @Test
    void ownResourceStillAnswersNextToTheCatchAll() throws Exception {
        HttpResponse<String> hello = get(root.resolve("/hello"), null);

        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("hello");
    }

    @Test
    void pathsOutsideTheBasePathAreNotScim() throws Exception {
        HttpResponse<String> other = get(root.resolve("/elsewhere/Users"), token);

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).isEmpty();
    }

    @Test
    void anUnknownTokenGetsAScim401WithAChallenge() throws Exception {
        HttpResponse<String> refused = get(URI.create(scimBase + "/Users"), "not-the-configured-token-0123");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"SCIM\"");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/scim+json");
        assertThat(refused.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").doesNotContain(token);
    }

    private static HttpResponse<String> get(URI uri, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
