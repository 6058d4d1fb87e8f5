package io.scimkit.jaxrs;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.memory.InMemoryStores;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** What the per-tenant limit tests share: a failure handler, an application URI, a stand-in answer and tenants. */
final class TenantLimitFixtures {
    static final ScimService SERVICE = ScimService.builder()
            .baseUri(URI.create("https://scim.example.com/scim/v2"))
            .userStore(InMemoryStores.create(SchemaRegistry.core()).users())
            .groupStore(InMemoryStores.create(SchemaRegistry.core()).groups()).build();
    static final RequestBridge.Failures FAILURES = SERVICE::failure;
    static final URI APPLICATION = URI.create("http://127.0.0.1:8080/");
    static final ScimResponse OK = ScimResponse.json(200, "{}".getBytes(StandardCharsets.UTF_8));

    /** {@code Bearer t-<tenant>} is tenant {@code <tenant>}; anything else is refused. */
    static final ScimAuthenticator TENANT_TOKENS = headers -> headers.first("Authorization")
            .filter(value -> value.startsWith("Bearer t-"))
            .map(value -> AuthResult.authenticated(new ScimPrincipal(value.substring("Bearer t-".length()), "test")))
            .orElse(AuthResult.refused("invalid bearer token"));

    /** An empty body that counts in {@code read[0]} how often it was read. */
    static InputStream countingBody(int[] read) {
        return new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return -1;
            }
        };
    }

    private TenantLimitFixtures() {
    }
}
