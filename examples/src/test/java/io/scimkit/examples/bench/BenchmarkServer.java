package io.scimkit.examples.bench;

import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.examples.ConfiguredToken;
import io.scimkit.examples.ExampleServer;
import io.scimkit.examples.GrizzlyContainer;
import io.scimkit.examples.HttpContainer;
import io.scimkit.examples.JettyContainer;
import io.scimkit.examples.OpenedStores;
import io.scimkit.examples.ServerEnvironment;
import io.scimkit.examples.ServerOptions;
import io.scimkit.examples.StoreFactories;
import io.scimkit.examples.StoreFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The example server as the HTTP benchmark runs it (BENCHMARKS.md, "Example server"): the memory
 * store seeded with N users directly through the store (the benchmark-only hook), plus
 * {@link FixedJsonResource} on the same server. Test code only: never in the shipped jar.
 *
 * <p>Arguments: {@code grizzly|jetty users port}. The token is {@value #TOKEN}.
 */
public final class BenchmarkServer {
    /** The benchmark's bearer token (not a secret: local benchmark only). */
    public static final String TOKEN = "benchmark-token-0123456789abcdef";

    private BenchmarkServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        HttpContainer container = args[0].equals("jetty") ? new JettyContainer() : new GrizzlyContainer();
        int users = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        StoreFactory seeded = new StoreFactory() {
            @Override
            public String syntax() {
                return "memory";
            }

            @Override
            public boolean accepts(String spec) {
                return spec.equals("memory");
            }

            @Override
            public OpenedStores open(String spec, SchemaRegistry registry) {
                return seed(registry, users);
            }
        };
        ExampleServer server = ExampleServer.start(
                ServerOptions.defaults().withStore("memory").withPort(port).withToken(new ConfiguredToken(TOKEN, "benchmark")),
                ServerEnvironment.standard().withContainer(container).withoutRequestLogs()
                        .withStores(new StoreFactories(List.of(seeded)))
                        .withExtraComponents(List.of(new FixedJsonResource())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitClose();
    }

    static OpenedStores seed(SchemaRegistry registry, int count) {
        InMemoryStores stores = InMemoryStores.create(registry);
        ResourceCodec codec = ResourceCodec.of(registry);
        StoreContext context = new StoreContext(StoreContext.DEFAULT_TENANT, "benchmark", CoreSchemas.USER_RESOURCE_TYPE, Projection.none(registry, CoreSchemas.USER_RESOURCE_TYPE), Instant.now());
        for (int i = 0; i < count; i++) {
            String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user" + i
                    + "@example.com\",\"externalId\":\"ext-" + i + "\",\"active\":true,\"displayName\":\"User " + i
                    + "\",\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"user" + i + "@example.com\"}]}";
            stores.users().create(context, ResourceCreate.of(codec.read(json.getBytes(StandardCharsets.UTF_8), CoreSchemas.USER_RESOURCE_TYPE)));
        }
        System.out.println("seeded " + count + " users");
        return new OpenedStores(stores.users(), stores.groups(), "in memory, " + count + " seeded users", () -> { });
    }
}
