package io.scimkit.benchmarks;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.store.memory.InMemoryStores;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A {@link ScimService} over linked in-memory stores, and the requests an adapter would hand it. */
final class ServiceFixture {
    static final ScimPrincipal ENTRA = ScimPrincipal.of("entra");
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/scim+json; charset=utf-8");

    private ServiceFixture() {
    }

    static ScimService service(InMemoryStores stores) {
        return ScimService.builder()
                .baseUri(URI.create("https://scim.example.com/scim/v2"))
                .userStore(stores.users())
                .groupStore(stores.groups())
                .build();
    }

    /** {@code GET /Users?filter=userName eq "…"}, form-encoded as Entra sends it (sample 03). */
    static ScimRequest userNameLookup(String userName) {
        String encoded = java.net.URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
        return ScimRequest.of("GET", "/Users", ENTRA).withQuery("filter=" + encoded);
    }

    /** {@code PATCH /Groups/{id}} with a JSON body. */
    static ScimRequest patchGroup(String id, String body) {
        return ScimRequest.of("PATCH", "/Groups/" + id, ENTRA).withHeaders(JSON)
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Fails the set-up when the service did not answer as expected. */
    static ScimResponse expect(ScimResponse response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.bodyText());
        }
        return response;
    }
}
