package io.scimkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example application started as {@code main} would start it, its console captured: no warning
 * while it starts and serves, SCIM below a servlet context path and a base path of its own, and a
 * start without any token refused with what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupIT {
    private static final Pattern WARNING = Pattern.compile("(?i)\\b(WARN|WARNING|ERROR)\\b");
    private static final String TOKEN = "it-" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void startsAndServesWithoutAnyWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(ExampleApplication.class,
                "--server.port=0", "--server.servlet.context-path=/app", "--scimkit.base-path=/identity/scim",
                "--scimkit.tokens.default=" + TOKEN, "--spring.datasource.url=" + memoryDatabase())) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ScimHttp http = new ScimHttp(port);

            assertThat(http.get("/app/hello").statusCode()).isEqualTo(200);
            assertThat(http.get("/app/identity/scim/ServiceProviderConfig").statusCode()).isEqualTo(200);
            HttpResponse<String> created = http.post("/app/identity/scim/Users",
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"grace@example.com\"}",
                    "Authorization", "Bearer " + TOKEN, "Content-Type", "application/scim+json");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith("http://localhost:" + port + "/app/identity/scim/Users/"));
            // The default base path is free again: Spring MVC answers there.
            assertThat(http.get("/app/scim/v2/Users", "Authorization", "Bearer " + TOKEN).statusCode())
                    .isEqualTo(404);
        }
        List<String> warnings = output.getOut().lines().filter(line -> WARNING.matcher(line).find()).toList();
        assertThat(output.getOut()).contains("SCIM 2.0 at /identity/scim");
        assertThat(warnings).isEmpty();
        assertThat(output.getErr()).isEmpty();
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void withoutATokenItRefusesToStartAndSaysWhatToDo(CapturedOutput output) {
        Assumptions.assumeTrue(System.getenv().keySet().stream().noneMatch(name -> name.startsWith("SCIMKIT_TOKENS")),
                "SCIMKIT_TOKENS_* is set in this environment");

        assertThatThrownBy(() -> SpringApplication.run(ExampleApplication.class, "--server.port=0",
                "--spring.datasource.url=" + memoryDatabase()).close());

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("No bearer token is configured for SCIM clients")
                .contains("SCIMKIT_TOKENS_DEFAULT");
    }

    private static String memoryDatabase() {
        return "jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
