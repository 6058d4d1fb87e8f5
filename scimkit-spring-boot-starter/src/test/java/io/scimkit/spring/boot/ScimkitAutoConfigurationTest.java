package io.scimkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.ScimService;
import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.protocol.ServiceLimits;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.jaxrs.AuthResult;
import io.scimkit.jaxrs.ScimAuthenticator;
import io.scimkit.jaxrs.ScimEndpoint;
import io.scimkit.jdbc.JdbcStores;
import io.scimkit.jdbc.JdbcUserStore;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jersey.autoconfigure.JerseyAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

class ScimkitAutoConfigurationTest {
    private static final String TOKEN = "test-token-0123456789abcdef";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScimkitAutoConfiguration.class));

    @Test
    void withADataSourceAndATokenItServesScimFromJdbcStoresAtTheBasePath() {
        runner.withUserConfiguration(H2.class).withPropertyValues("scimkit.tokens.default=" + TOKEN).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ScimService.class).hasSingleBean(JdbcStores.class)
                    .hasSingleBean(ScimEndpoint.class);
            assertThat(context.getBean(UserStore.class)).isInstanceOf(JdbcUserStore.class);
            assertThat(scimTables(context.getBean(DataSource.class))).isPositive();
            ServletRegistrationBean<?> servlet = servlet(context);
            assertThat(servlet.getUrlMappings()).containsExactly("/scim/v2/*");
            assertThat(servlet.getServletName()).isEqualTo("scimkit");
            assertThat(servlet.getServlet()).isInstanceOf(ServletContainer.class);
        });
    }

    @Test
    void itComesAfterSpringBootsDataSourceAutoConfiguration() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ScimkitAutoConfiguration.class, DataSourceAutoConfiguration.class))
                .withPropertyValues("scimkit.tokens.default=" + TOKEN,
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcStores.class);
                    assertThat(context.getBean(UserStore.class)).isInstanceOf(JdbcUserStore.class);
                });
    }

    @Test
    void anApplicationsOwnJerseyResourcesKeepTheirServletAndConfiguration() {
        ResourceConfig own = new ResourceConfig();
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ScimkitAutoConfiguration.class, JerseyAutoConfiguration.class))
                .withUserConfiguration(MemoryStores.class).withBean(ResourceConfig.class, () -> own)
                .withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("jerseyServletRegistration", ServletRegistrationBean.class)
                            .getUrlMappings()).containsExactly("/*");
                    assertThat(servlet(context).getUrlMappings()).containsExactly("/scim/v2/*");
                    assertThat(own.getResources()).isEmpty();
                    assertThat(own.getInstances()).isEmpty();
                });
    }

    @Test
    void theApplicationsStoresWinAndNoTableIsCreated() {
        runner.withUserConfiguration(H2.class, MemoryStores.class).withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ScimService.class).doesNotHaveBean(JdbcStores.class);
                    assertThat(context.getBean(UserStore.class)).isSameAs(context.getBean(MemoryStores.class).stores.users());
                    assertThat(scimTables(context.getBean(DataSource.class))).isZero();
                });
    }

    @Test
    void withoutStoreOrDataSourceItRefusesToStartAndSaysWhy() {
        runner.withPropertyValues("scimkit.tokens.default=" + TOKEN).run(context -> {
            ScimkitConfigurationException failure = startupFailure(context);
            assertThat(failure).hasMessageContaining("No store for SCIM users and groups")
                    .hasMessageContaining("never falls back to an in-memory store");
            assertThat(failure.action()).contains("DataSource").contains("UserStore and GroupStore beans");
        });
    }

    @Test
    void aUserStoreWithoutAGroupStoreIsRefusedWithWhatIsMissing() throws SQLException {
        DataSource database = h2();
        runner.withBean(DataSource.class, () -> database).withUserConfiguration(OnlyUsers.class)
                .withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .run(context -> {
                    ScimkitConfigurationException failure = startupFailure(context);
                    assertThat(failure).hasMessageContaining("defines a UserStore bean but no GroupStore bean");
                    assertThat(failure.action()).contains("Define a GroupStore bean as well");
                });
        // The JDBC default backs off as soon as the application has a store of its own.
        assertThat(scimTables(database)).isZero();
    }

    @Test
    void severalDataSourcesWithoutAPrimaryAreNotGuessedBetween() {
        runner.withUserConfiguration(TwoDataSources.class).withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .run(context -> assertThat(startupFailure(context))
                        .hasMessageContaining("2 DataSource beans and none of them is @Primary"));
    }

    @Test
    void withoutTokensItRefusesToStartAndSaysHowToSetOne() {
        runner.withUserConfiguration(MemoryStores.class).run(context -> {
            ScimkitConfigurationException failure = startupFailure(context);
            assertThat(failure).hasMessageContaining("No bearer token is configured");
            assertThat(failure.action()).contains("scimkit.tokens.default").contains("SCIMKIT_TOKENS_DEFAULT")
                    .contains("ScimAuthenticator bean");
        });
    }

    @Test
    void anUnusableTokenIsRefusedByTenantWithoutEchoingIt() {
        runner.withUserConfiguration(MemoryStores.class)
                .withPropertyValues("scimkit.tokens.acme=too-short", "scimkit.tokens.contoso=" + TOKEN)
                .run(context -> {
                    ScimkitConfigurationException failure = startupFailure(context);
                    assertThat(failure).hasMessageContaining("tenant 'acme'").hasMessageContaining("scimkit.tokens.acme")
                            .hasMessageNotContaining("too-short");
                    assertThat(failure.action()).doesNotContain("too-short");
                });
    }

    @Test
    void theTokensAuthenticateTheirTenant() {
        runner.withUserConfiguration(MemoryStores.class)
                .withPropertyValues("scimkit.tokens.contoso=" + TOKEN, "scimkit.tokens.fabrikam=" + TOKEN + "-2")
                .run(context -> {
                    ScimAuthenticator authenticator = context.getBean(ScimAuthenticator.class);
                    AuthResult result = authenticator.authenticate(io.scimkit.core.protocol.HttpHeaders.of(
                            java.util.Map.of("Authorization", java.util.List.of("Bearer " + TOKEN + "-2"))));
                    assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class,
                            known -> assertThat(known.principal().tenant()).isEqualTo("fabrikam"));
                    assertThat(authenticator.toString()).doesNotContain(TOKEN);
                });
    }

    @Test
    void aTenantMayHaveAHashedTokenNextToAnotherForRotation() {
        String next = TOKEN + "-next";
        runner.withUserConfiguration(MemoryStores.class)
                .withPropertyValues("scimkit.tokens.contoso=" + TOKEN + ",sha256:"
                        + io.scimkit.jaxrs.BearerTokenAuthenticator.sha256Hex(next),
                        "scimkit.limits.rate-limit-per-tenant=5")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ScimEndpoint.class);
                    ScimAuthenticator authenticator = context.getBean(ScimAuthenticator.class);
                    for (String token : java.util.List.of(TOKEN, next)) {
                        AuthResult result = authenticator.authenticate(io.scimkit.core.protocol.HttpHeaders.of(
                                java.util.Map.of("Authorization", java.util.List.of("Bearer " + token))));
                        assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class,
                                known -> assertThat(known.principal().tenant()).isEqualTo("contoso"));
                    }
                    assertThat(authenticator.toString()).contains("tokens=2").doesNotContain(TOKEN);
                });
    }

    @Test
    void aMalformedTokenHashIsRefusedWithoutEchoingIt() {
        runner.withUserConfiguration(MemoryStores.class)
                .withPropertyValues("scimkit.tokens.contoso=sha256:" + TOKEN)
                .run(context -> assertThat(startupFailure(context)).hasMessageContaining("scimkit.tokens.contoso")
                        .hasMessageContaining("64 hexadecimal").hasMessageNotContaining(TOKEN));
    }

    @Test
    void theApplicationsAuthenticatorNeedsNoToken() {
        runner.withUserConfiguration(MemoryStores.class, OwnAuthenticator.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ScimAuthenticator.class)).isSameAs(OwnAuthenticator.AUTHENTICATOR);
        });
    }

    @Test
    void theApplicationsEndpointNeedsNoTokenServiceOrStore() throws SQLException {
        DataSource database = h2();
        runner.withBean(DataSource.class, () -> database).withBean(ScimEndpoint.class, () -> ScimEndpoint
                        .builder(new OwnService().service).basePath("/").authenticator(OwnAuthenticator.AUTHENTICATOR)
                        .build())
                .run(context -> assertThat(context).hasNotFailed().hasBean("scimkitServletRegistration")
                        .doesNotHaveBean(ScimAuthenticator.class).doesNotHaveBean(ScimService.class)
                        .doesNotHaveBean(JdbcStores.class));
        assertThat(scimTables(database)).isZero();
    }

    @Test
    void theApplicationsScimServiceIsServedAsItIsAndNoJdbcStoreIsMade() {
        runner.withUserConfiguration(H2.class, OwnService.class).withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcStores.class);
                    assertThat(context.getBean(ScimService.class)).isSameAs(context.getBean(OwnService.class).service);
                    assertThat(scimTables(context.getBean(DataSource.class))).isZero();
                    assertThat(context).hasSingleBean(ScimEndpoint.class);
                });
    }

    @Test
    void thePropertiesShapeTheService() {
        runner.withUserConfiguration(MemoryStores.class).withPropertyValues("scimkit.tokens.default=" + TOKEN,
                "scimkit.base-path=identity/scim/", "scimkit.dialect=strict", "scimkit.delete-policy=soft",
                "scimkit.required-user-attributes=emails,externalId", "scimkit.anonymous-discovery=false",
                "scimkit.public-base-uri=https://app.example.com/identity/scim",
                "scimkit.limits.max-results=50", "scimkit.limits.default-page-size=10",
                "scimkit.limits.max-payload-size=64KB").run(context -> {
                    ScimService scim = context.getBean(ScimService.class);
                    assertThat(scim.dialect().rules()).isEqualTo(ClientDialect.strict().rules());
                    assertThat(call(scim, "POST", "/Users", USER_WITHOUT_EMAILS).status())
                            .as("required emails and externalId").isEqualTo(400);
                    String id = created(scim, "{\"schemas\":[\"" + CoreSchemas.USER_URN + "\"],\"userName\":\"b\","
                            + "\"externalId\":\"x\",\"emails\":[{\"value\":\"b@example.com\"}]}");
                    assertThat(call(scim, "DELETE", "/Users/" + id, null).status()).isEqualTo(204);
                    assertThat(call(scim, "GET", "/Users/" + id, null).bodyText()).as("soft delete")
                            .contains("\"active\":false");
                    assertThat(anonymous(scim, "/ServiceProviderConfig").status()).isEqualTo(401);
                    assertThat(scim.baseUri()).isEqualTo(URI.create("https://app.example.com/identity/scim"));
                    assertThat(scim.limits()).isEqualTo(new ServiceLimits(64 * 1024, 4096, 32, 50, 10, 1000, 1 << 20,
                            Duration.ofMinutes(10)));
                    assertThat(servlet(context).getUrlMappings()).containsExactly("/identity/scim/*");
                });
    }

    @Test
    void withoutPropertiesTheServiceHasTheCoreDefaults() {
        runner.withUserConfiguration(MemoryStores.class).withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .run(context -> {
                    ScimService scim = context.getBean(ScimService.class);
                    assertThat(scim.dialect().rules()).isEqualTo(ClientDialect.lenient().rules());
                    assertThat(scim.limits()).isEqualTo(ServiceLimits.defaults());
                    String id = created(scim, USER_WITHOUT_EMAILS);
                    assertThat(call(scim, "DELETE", "/Users/" + id, null).status()).isEqualTo(204);
                    assertThat(call(scim, "GET", "/Users/" + id, null).status()).as("hard delete").isEqualTo(404);
                    assertThat(anonymous(scim, "/ServiceProviderConfig").status()).isEqualTo(200);
                });
    }

    @Test
    void provisioningListenerBeansHearEntrasDisable() {
        java.util.List<io.scimkit.core.event.ProvisioningEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withUserConfiguration(MemoryStores.class).withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .withBean(io.scimkit.core.event.ProvisioningListener.class, () -> heard::add)
                .run(context -> {
                    ScimService scim = context.getBean(ScimService.class);
                    String id = created(scim, USER_WITHOUT_EMAILS);
                    io.scimkit.core.protocol.ScimResponse disabled = call(scim, "PATCH", "/Users/" + id,
                            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                    + "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
                    assertThat(disabled.status()).as(disabled.bodyText()).isEqualTo(200);
                    assertThat(heard).extracting(io.scimkit.core.event.ProvisioningEvent::type)
                            .containsExactly("user.created", "user.deactivated");
                    assertThat(heard.get(1).resourceId()).isEqualTo(id);
                });
    }

    @Test
    void customizersAdjustTheBuilder() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        runner.withUserConfiguration(MemoryStores.class).withPropertyValues("scimkit.tokens.default=" + TOKEN)
                .withBean(ScimServiceBuilderCustomizer.class, () -> builder -> builder.clock(fixed))
                .run(context -> {
                    ScimService scim = context.getBean(ScimService.class);
                    String id = created(scim, USER_WITHOUT_EMAILS);
                    assertThat(call(scim, "GET", "/Users/" + id, null).bodyText())
                            .contains("\"created\":\"2026-01-01T00:00:00Z\"");
                });
    }

    @Test
    void anUnknownRequiredAttributeStopsTheStart() {
        runner.withUserConfiguration(MemoryStores.class).withPropertyValues("scimkit.tokens.default=" + TOKEN,
                "scimkit.required-user-attributes=favouriteColour").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void anInvalidBasePathStopsTheStartWithTheRule() {
        runner.withUserConfiguration(MemoryStores.class)
                .withPropertyValues("scimkit.tokens.default=" + TOKEN, "scimkit.base-path=/scim/../v2")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("scimkit.base-path is '/' or segments"));
    }

    @Test
    void disabledItDoesNothingAndAsksForNothing() {
        runner.withPropertyValues("scimkit.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ScimService.class).doesNotHaveBean(ServletRegistrationBean.class));
    }

    @Test
    void outsideAServletWebApplicationItDoesNothing() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ScimkitAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScimService.class));
    }

    @Test
    void springBootReportsAConfigurationFailureAsWhatToDo() {
        ScimkitConfigurationException failure = new ScimkitConfigurationException("what is wrong", "what to do");

        FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                // Boot's own analyzers need constructor arguments this test does not give: skip them.
                .load(FailureAnalyzer.class, null, (type, name, cannotInstantiate) -> { }).stream()
                .filter(ScimkitFailureAnalyzer.class::isInstance)
                .map(analyzer -> analyzer.analyze(new IllegalStateException("bean creation failed", failure)))
                .findFirst().orElseThrow();

        assertThat(analysis.getDescription()).isEqualTo("what is wrong");
        assertThat(analysis.getAction()).isEqualTo("what to do");
    }

    private static ScimkitConfigurationException startupFailure(AssertableWebApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable cause = context.getStartupFailure();
        while (cause != null && !(cause instanceof ScimkitConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a ScimkitConfigurationException in %s", context.getStartupFailure()).isNotNull();
        return (ScimkitConfigurationException) cause;
    }

    private static ServletRegistrationBean<?> servlet(AssertableWebApplicationContext context) {
        return context.getBean("scimkitServletRegistration", ServletRegistrationBean.class);
    }

    /** How many scim_* tables the database has. */
    private static int scimTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "SCIM%", null)) {
            int count = 0;
            while (tables.next()) {
                count++;
            }
            return count;
        }
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    static class H2 {
        @Bean
        DataSource dataSource() {
            return h2();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource first() {
            return h2();
        }

        @Bean
        DataSource second() {
            return h2();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MemoryStores {
        final InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());

        @Bean
        UserStore users() {
            return stores.users();
        }

        @Bean
        GroupStore groups() {
            return stores.groups();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OnlyUsers {
        @Bean
        UserStore users() {
            return InMemoryStores.create(SchemaRegistry.core()).users();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAuthenticator {
        static final ScimAuthenticator AUTHENTICATOR = headers -> AuthResult.refused("nobody gets in");

        @Bean
        ScimAuthenticator authenticator() {
            return AUTHENTICATOR;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnService {
        final ScimService service;

        OwnService() {
            InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());
            service = ScimService.builder().baseUri(URI.create("https://own.example.com/scim"))
                    .userStore(stores.users()).groupStore(stores.groups()).build();
        }

        @Bean
        ScimService scimService() {
            return service;
        }
    }

    private static final String USER_WITHOUT_EMAILS = "{\"schemas\":[\"" + CoreSchemas.USER_URN
            + "\"],\"userName\":\"bjensen\"}";

    /** A request to the service as an authenticated caller of the default tenant. */
    private static io.scimkit.core.protocol.ScimResponse call(ScimService scim, String method, String path,
            @org.jspecify.annotations.Nullable String json) {
        return scim.handle(new io.scimkit.core.protocol.ScimRequest(method, path, "",
                io.scimkit.core.protocol.HttpHeaders.of("Content-Type", "application/scim+json"),
                json == null ? new byte[0] : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                io.scimkit.core.protocol.ScimPrincipal.of("test"), null));
    }

    private static io.scimkit.core.protocol.ScimResponse anonymous(ScimService scim, String path) {
        return scim.handle(new io.scimkit.core.protocol.ScimRequest("GET", path, "",
                io.scimkit.core.protocol.HttpHeaders.of(), new byte[0], null, null));
    }

    /** Creates a resource and returns its id. */
    private static String created(ScimService scim, String json) {
        io.scimkit.core.protocol.ScimResponse response = call(scim, "POST", "/Users", json);
        assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
        return response.header("Location").orElseThrow().replaceAll(".*/", "");
    }
}
