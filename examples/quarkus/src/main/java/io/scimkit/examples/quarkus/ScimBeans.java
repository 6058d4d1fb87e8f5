package io.scimkit.examples.quarkus;

import io.quarkus.runtime.Startup;
import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.jaxrs.BearerTokenAuthenticator;
import io.scimkit.jaxrs.ScimEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SCIM service provider as CDI beans: the User and Group stores, the {@link ScimService} over
 * them (RFC 7644), and the {@link ScimEndpoint} that {@link ScimResource} serves below
 * {@code /scim/v2}, checking the bearer token (RFC 6750) of configuration property {@code scimkit.token}.
 */
@ApplicationScoped
public class ScimBeans {
    /** In-memory stores, lost on restart; replace both producers with your own store beans. */
    private final InMemoryStores memory = InMemoryStores.create(SchemaRegistry.core());

    /** The store of the User resource type (RFC 7643 §4.1). */
    @Produces
    @ApplicationScoped
    UserStore users() {
        return memory.users();
    }

    /** The store of the Group resource type (RFC 7643 §4.2). */
    @Produces
    @ApplicationScoped
    GroupStore groups() {
        return memory.groups();
    }

    /** The service provider over the stores; {@code scimkit.base-uri} is its configured base URI. */
    @Produces
    @ApplicationScoped
    ScimService scimService(UserStore users, GroupStore groups,
            @ConfigProperty(name = "scimkit.base-uri") URI baseUri) {
        return ScimService.builder()
                .baseUri(baseUri)
                .userStore(users)
                .groupStore(groups)
                .build();
    }

    /**
     * The Jakarta REST endpoint. {@code @Singleton}: the resource calls it directly, without a client
     * proxy; {@code @Startup}: a missing or too short token stops the application at start-up rather
     * than at the first request (the error names the property, never the token).
     */
    @Produces
    @Singleton
    @Startup
    ScimEndpoint scimEndpoint(ScimService service, @ConfigProperty(name = "scimkit.token") String token) {
        return ScimEndpoint.builder(service)
                .basePath("/scim/v2")
                .authenticator(BearerTokenAuthenticator.singleTenant(token))
                .build();
    }
}
