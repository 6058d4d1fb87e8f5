package io.scimkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.target.HttpTarget;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application on a random port, its SCIM data in an in-memory H2 database (the
 * application's {@code DataSource}, hence scim-jdbc's stores): its own controller answers, SCIM answers
 * at {@code /scim/v2}, and the testkit's Entra catalogue passes over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootExampleIT {
    private static final String TOKEN = "it-" + UUID.randomUUID().toString().replace("-", "");
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"ada@example.com\"}";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:scimkit-it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("scimkit.tokens.default", () -> TOKEN);
    }

    @Test
    void theApplicationsOwnControllerAnswers() {
        HttpResponse<String> hello = new ScimHttp(port).get("/hello");

        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(hello.body()).contains("Hello from the application's own controller");
    }

    @Test
    void pathsOutsideTheBasePathStayWithSpringMvc() {
        HttpResponse<String> missing = new ScimHttp(port).get("/scim/v3/Users", "Authorization", "Bearer " + TOKEN);

        // Spring MVC's 404, not a SCIM error body.
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void discoveryAnswersWithoutAToken() {
        HttpResponse<String> config = new ScimHttp(port).get("/scim/v2/ServiceProviderConfig");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/scim+json"));
        assertThat(config.body()).contains("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    }

    @Test
    void resourcesNeedTheToken() {
        ScimHttp http = new ScimHttp(port);

        HttpResponse<String> anonymous = http.get("/scim/v2/Users");
        HttpResponse<String> wrong = http.get("/scim/v2/Users", "Authorization", "Bearer " + TOKEN + "x");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("Bearer"));
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void locationFollowsTheUriTheClientCalled() {
        HttpResponse<String> created = new ScimHttp(port).post("/scim/v2/Users", USER,
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/scim+json");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://localhost:" + port + "/scim/v2/Users/"));
    }

    @Test
    void anAcceptHeaderJerseyCannotParseGetsAScimErrorBody() {
        HttpResponse<String> answer = new ScimHttp(port).get("/scim/v2/Users?count=1",
                "Authorization", "Bearer " + TOKEN, "Accept", "!!!/;;;");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/scim+json"));
        assertThat(answer.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").contains("\"400\"");
    }

    @TestFactory
    Stream<DynamicNode> entraCatalogueOverHttp() {
        return EntraConformance.against(HttpTarget.of(URI.create("http://localhost:" + port + "/scim/v2"), TOKEN))
                .dynamicTests();
    }
}
