package io.scimkit.spring.boot;

import io.scimkit.core.ScimService;
import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.jaxrs.BearerTokenAuthenticator;
import io.scimkit.jaxrs.ScimAuthenticator;
import io.scimkit.jaxrs.ScimEndpoint;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Serves SCIM 2.0 (RFC 7644) at {@code scimkit.base-path} of a servlet web application: a Jersey
 * servlet of its own, mapped to that path only, so the application's Spring MVC controllers (and its
 * own Jersey resources, if any) keep every other path.
 *
 * <p>Stores: the application's {@link UserStore} and {@link GroupStore} beans; else, when it defines
 * neither, scim-jdbc's stores in its {@code DataSource} ({@link ScimkitJdbcStoresConfiguration}); else it
 * refuses to start. It never falls back to an in-memory store. Authentication: bearer tokens per tenant
 * from {@code scimkit.tokens} (RFC 6750), unless the application defines a {@link ScimAuthenticator};
 * with neither, it refuses to start. Every bean here backs off when the application defines one of
 * its type; a {@code ScimService} of the application's is served as it is, without the {@code scimkit.*}
 * settings that shape a service, and a {@code ScimEndpoint} of the application's needs no service,
 * authenticator or store from here.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ScimService.class, ScimEndpoint.class, ServletContainer.class})
@ConditionalOnBooleanProperty(name = "scimkit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ScimkitProperties.class)
@Import(ScimkitJdbcStoresConfiguration.class)
public final class ScimkitAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ScimkitAutoConfiguration.class);

    /** The schemas served: RFC 7643 User (with the Enterprise User extension) and Group (§4). */
    @Bean
    @ConditionalOnMissingBean
    SchemaRegistry scimkitSchemaRegistry() {
        return SchemaRegistry.core();
    }

    /** Bearer tokens per tenant from {@code scimkit.tokens}; not needed for an endpoint of the application's. */
    @Bean
    @ConditionalOnMissingBean({ScimAuthenticator.class, ScimEndpoint.class})
    ScimAuthenticator scimkitAuthenticator(ScimkitProperties properties) {
        if (properties.tokens().isEmpty()) {
            throw new ScimkitConfigurationException(
                    "No bearer token is configured for SCIM clients, and the application defines no ScimAuthenticator "
                            + "bean: every SCIM request would be refused.",
                    "Give each tenant a token of at least " + BearerTokenAuthenticator.MIN_TOKEN_LENGTH
                            + " characters, e.g. scimkit.tokens.default=<token> or the environment variable "
                            + "SCIMKIT_TOKENS_DEFAULT (one tenant), scimkit.tokens.contoso=<token> (tenant contoso); "
                            + "or define a ScimAuthenticator bean.");
        }
        BearerTokenAuthenticator.Builder builder = BearerTokenAuthenticator.builder();
        // Sorted, so that a failure always names the same tenant first.
        for (Map.Entry<String, String> grant : new TreeMap<>(properties.tokens()).entrySet()) {
            try {
                builder.configuredTokens(grant.getKey(), grant.getValue());
            } catch (IllegalArgumentException unusable) {
                // The builder's message never contains the token.
                throw new ScimkitConfigurationException("The SCIM token of tenant '" + grant.getKey()
                        + "' (scimkit.tokens." + grant.getKey() + ") cannot be used: " + unusable.getMessage(),
                        "Set a random token of at least " + BearerTokenAuthenticator.MIN_TOKEN_LENGTH
                                + " characters of letters, digits and -._~+/ for each tenant, e.g. 32 random bytes "
                                + "Base64url-encoded, and a different one for each tenant.");
            }
        }
        return builder.build();
    }

    /**
     * The service over the stores, shaped by the {@code scimkit.*} properties and the customizers; not
     * needed for an endpoint of the application's.
     */
    @Bean
    @ConditionalOnMissingBean({ScimService.class, ScimEndpoint.class})
    ScimService scimService(ScimkitProperties properties, SchemaRegistry registry, ObjectProvider<UserStore> users,
            ObjectProvider<GroupStore> groups, ObjectProvider<DataSource> dataSources,
            ObjectProvider<ScimServiceBuilderCustomizer> customizers, ObjectProvider<ProvisioningListener> listeners) {
        @Nullable UserStore userStore = users.getIfAvailable();
        @Nullable GroupStore groupStore = groups.getIfAvailable();
        if (userStore == null || groupStore == null) {
            throw missingStore(userStore != null, groupStore != null, dataSources.stream().count());
        }
        @Nullable URI publicBaseUri = properties.publicBaseUri();
        ScimService.Builder builder = ScimService.builder()
                // Without a public base URI, the endpoint passes each request's own URI; this one is unused.
                .baseUri(publicBaseUri != null ? publicBaseUri : URI.create("http://localhost" + properties.basePath()))
                .schemas(registry)
                .userStore(userStore)
                .groupStore(groupStore)
                .dialect(properties.dialect().clientDialect())
                .deletePolicy(properties.deletePolicy())
                .validation(properties.validation())
                .limits(properties.limits().serviceLimits())
                .anonymousDiscovery(properties.anonymousDiscovery());
        // The application reacts to provisioning (a disabled user's sessions end) by declaring listener beans.
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        LOG.info("SCIM users in {}, groups in {} ({} dialect, {} delete)", userStore.getClass().getSimpleName(),
                groupStore.getClass().getSimpleName(), properties.dialect().name().toLowerCase(Locale.ROOT),
                properties.deletePolicy().name().toLowerCase(Locale.ROOT));
        return builder.build();
    }

    /**
     * The Jakarta REST resource serving the service; the servlet's mapping supplies the base path. The
     * authenticator comes first: a missing token stops the start before the stores open the database.
     */
    @Bean
    @ConditionalOnMissingBean
    ScimEndpoint scimkitEndpoint(ScimAuthenticator authenticator, ScimService service, ScimkitProperties properties) {
        LOG.info("SCIM 2.0 at {} for {}", properties.basePath(), authenticator);
        return ScimEndpoint.builder(service)
                .basePath("/")
                .authenticator(authenticator)
                .locationFromRequest(properties.publicBaseUri() == null)
                .maxConcurrentRequestsPerTenant(properties.limits().maxConcurrentRequestsPerTenant())
                .rateLimitPerTenant(properties.limits().rateLimitPerTenant(), properties.limits().rateBurst())
                .build();
    }

    /**
     * Jersey as a servlet of its own at {@code <base-path>/*}: a longer path than Spring MVC's {@code /},
     * so SCIM requests go to Jersey and everything else to the application.
     */
    @Bean
    @ConditionalOnMissingBean(name = "scimkitServletRegistration")
    ServletRegistrationBean<ServletContainer> scimkitServletRegistration(ScimEndpoint endpoint,
            ScimkitProperties properties, ApplicationContext context) {
        ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(
                new ServletContainer(ScimJerseyConfig.of(endpoint, context)), properties.servletMapping());
        registration.setName("scimkit");
        // Start Jersey with the application: configuration errors show at start-up, not on the first request.
        registration.setLoadOnStartup(1);
        return registration;
    }

    private static ScimkitConfigurationException missingStore(boolean hasUsers, boolean hasGroups, long dataSources) {
        if (hasUsers || hasGroups) {
            String present = hasUsers ? "UserStore" : "GroupStore";
            String missing = hasUsers ? "GroupStore" : "UserStore";
            return new ScimkitConfigurationException("The application defines a " + present + " bean but no "
                    + missing + " bean; SCIM serves both users and groups (RFC 7643 §4).",
                    "Define a " + missing + " bean as well, or neither, to keep SCIM users and groups in the "
                            + "application's DataSource (scim-jdbc).");
        }
        if (dataSources > 1) {
            return new ScimkitConfigurationException("No store for SCIM users and groups: the application defines "
                    + dataSources + " DataSource beans and none of them is @Primary, so scimkit does not choose one.",
                    "Mark the DataSource for SCIM data @Primary, or define UserStore and GroupStore beans.");
        }
        return new ScimkitConfigurationException("No store for SCIM users and groups: the application defines "
                + "neither UserStore and GroupStore beans nor a DataSource. scimkit never falls back to an "
                + "in-memory store, which would lose every provisioned user at the next restart.",
                "Add a DataSource (e.g. spring-boot-starter-jdbc with spring.datasource.url for H2 or PostgreSQL) "
                        + "to keep SCIM data in scim-jdbc's tables, or define UserStore and GroupStore beans.");
    }
}
