package io.scimkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.jdbc.JdbcStores;
import io.scimkit.jdbc.schema.Dialect;
import io.scimkit.testkit.junit.EntraConformance;
import io.scimkit.testkit.target.HttpTarget;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application with its {@code DataSource} on PostgreSQL: the testkit's Entra catalogue over
 * HTTP, in a tenant of its own so that runs sharing the database do not see each other. Skipped, with
 * the reason, without a reachable {@code SCIMKIT_PG_URL}.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootPostgresIT {
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "");
    private static final String TENANT = "it-" + SUFFIX.substring(0, 16);
    private static final String TOKEN = "tok-" + SUFFIX;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcStores stores;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresAvailable::url);
        registry.add("spring.datasource.username", PostgresAvailable::user);
        registry.add("spring.datasource.password", PostgresAvailable::password);
        registry.add("scimkit.tokens." + TENANT, () -> TOKEN);
    }

    @Test
    void theApplicationsOwnControllerAnswers() {
        assertThat(new ScimHttp(port).get("/hello").statusCode()).isEqualTo(200);
    }

    @Test
    void scimKeepsItsDataInTheApplicationsPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(stores.dialect()).isEqualTo(Dialect.POSTGRESQL);
    }

    @TestFactory
    Stream<DynamicNode> entraCatalogueOverHttp() {
        return EntraConformance.against(HttpTarget.of(URI.create("http://localhost:" + port + "/scim/v2"), TOKEN))
                .dynamicTests();
    }
}
