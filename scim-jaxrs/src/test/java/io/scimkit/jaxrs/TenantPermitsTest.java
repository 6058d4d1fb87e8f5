package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The per-tenant limit of requests in progress, without threads: the service stand-in calls the bridge
 * again while the outer request still holds its permit, as a concurrent request would.
 */
class TenantPermitsTest {
    private static final RequestBridge.Failures FAILURES = TenantLimitFixtures.FAILURES;
    private static final URI APPLICATION = TenantLimitFixtures.APPLICATION;
    private static final ScimResponse OK = TenantLimitFixtures.OK;
    private static final ScimAuthenticator TENANT_TOKENS = TenantLimitFixtures.TENANT_TOKENS;

    private final List<ScimResponse> inner = new ArrayList<>();
    private Function<ScimRequest, ScimResponse> service = request -> OK;

    private RequestBridge bridge(int perTenant) {
        return new RequestBridge(request -> service.apply(request), FAILURES, BasePath.parse("/scim/v2"),
                TENANT_TOKENS, 100, true, new TenantPermits(perTenant));
    }

    private static ScimResponse get(RequestBridge bridge, String token) {
        return bridge.serve("GET", "scim/v2/Users", null, APPLICATION, Map.of("Authorization", List.of(token)), null)
                .orElseThrow().response();
    }

    @Test
    void aTenantOverItsShareGets429WithRetryAfterWhileOtherTenantsAreServed() {
        RequestBridge bridge = bridge(1);
        service = request -> {
            service = nested -> OK;
            inner.add(get(bridge, "Bearer t-contoso"));
            inner.add(get(bridge, "Bearer t-fabrikam"));
            return OK;
        };
        assertThat(get(bridge, "Bearer t-contoso").status()).isEqualTo(200);

        assertThat(inner.get(0).status()).isEqualTo(429);
        assertThat(inner.get(0).header("Retry-After")).hasValue("1");
        assertThat(inner.get(0).bodyText()).contains("urn:ietf:params:scim:api:messages:2.0:Error")
                .contains("\"429\"");
        assertThat(inner.get(1).status()).as("another tenant's request").isEqualTo(200);
        assertThat(get(bridge, "Bearer t-contoso").status()).as("the permit came back").isEqualTo(200);
    }

    @Test
    void theRefusedRequestsBodyIsNotRead() {
        RequestBridge bridge = bridge(1);
        int[] read = {0};
        InputStream body = TenantLimitFixtures.countingBody(read);
        service = request -> {
            service = nested -> OK;
            inner.add(bridge.serve("POST", "scim/v2/Users", null, APPLICATION,
                    Map.of("Authorization", List.of("Bearer t-contoso")), body).orElseThrow().response());
            return OK;
        };
        get(bridge, "Bearer t-contoso");
        assertThat(inner.get(0).status()).isEqualTo(429);
        assertThat(read[0]).isZero();
    }

    @Test
    void aFailedBodyReadGivesThePermitBack() {
        RequestBridge bridge = bridge(1);
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ScimResponse failed = bridge.serve("POST", "scim/v2/Users", null, APPLICATION,
                Map.of("Authorization", List.of("Bearer t-contoso")), broken).orElseThrow().response();
        assertThat(failed.status()).isEqualTo(400);
        assertThat(get(bridge, "Bearer t-contoso").status()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsAreNotCounted() {
        RequestBridge bridge = bridge(1);
        service = request -> {
            service = nested -> OK;
            inner.add(get(bridge, "Bearer nope"));
            return OK;
        };
        get(bridge, "Bearer nope");
        assertThat(inner.get(0).status()).isEqualTo(200);
    }

    @Test
    void zeroMeansNoLimit() {
        RequestBridge bridge = bridge(0);
        service = request -> {
            service = nested -> OK;
            inner.add(get(bridge, "Bearer t-contoso"));
            return OK;
        };
        get(bridge, "Bearer t-contoso");
        assertThat(inner.get(0).status()).isEqualTo(200);
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> new TenantPermits(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
