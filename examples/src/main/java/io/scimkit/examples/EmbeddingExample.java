package io.scimkit.examples;

import io.scimkit.core.ScimService;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.jaxrs.BearerTokenAuthenticator;
import io.scimkit.jaxrs.ScimEndpoint;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The README's "Embed in your application" sample, compiled and run by EmbeddingExampleIT: your
 * own JAX-RS application serves SCIM under {@code /scim/v2} next to its own resources, on any
 * Jakarta REST 4 runtime (started here with the standard {@link SeBootstrap}).
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** Your application: your resources plus the SCIM endpoint. */
    public static Application application(String scimToken) {
        SchemaRegistry schemas = SchemaRegistry.core();
        InMemoryStores stores = InMemoryStores.create(schemas);      // or your own UserStore/GroupStore
        ScimService scim = ScimService.builder()
                .baseUri(URI.create("https://app.example.com/scim/v2"))
                .schemas(schemas)
                .userStore(stores.users())
                .groupStore(stores.groups())
                // e.g. an application that needs emails and externalId on every User
                .validation(ValidationSettings.rfc().requireUserAttributes("emails", "externalId"))
                .build();
        ScimEndpoint endpoint = ScimEndpoint.builder(scim)
                .basePath("/scim/v2")
                .authenticator(BearerTokenAuthenticator.singleTenant(scimToken))
                .build();
        return new Application() {
            @Override
            public Set<Object> getSingletons() {
                return Set.of(endpoint, new HealthResource());
            }
        };
    }

    /** Starts the application on a port (0 = any free one). */
    public static CompletionStage<SeBootstrap.Instance> start(String scimToken, int port) {
        return SeBootstrap.start(application(scimToken),
                SeBootstrap.Configuration.builder().host("127.0.0.1").port(port).build());
    }

    /** One of your own resources, served next to SCIM. */
    @Path("health")
    public static final class HealthResource {
        /** Always "ok". */
        @GET
        @Produces("text/plain")
        public String get() {
            return "ok";
        }
    }
}
