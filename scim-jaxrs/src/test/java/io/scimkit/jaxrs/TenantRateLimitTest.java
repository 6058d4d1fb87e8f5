package io.scimkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.protocol.ScimResponse;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-tenant request rate (token bucket), on a clock the test moves: no sleeps, no timing. */
class TenantRateLimitTest {
    private static final long SECOND = 1_000_000_000L;
    private static final RequestBridge.Failures FAILURES = TenantLimitFixtures.FAILURES;
    private static final URI APPLICATION = TenantLimitFixtures.APPLICATION;
    private static final ScimResponse OK = TenantLimitFixtures.OK;
    private static final ScimAuthenticator TENANT_TOKENS = TenantLimitFixtures.TENANT_TOKENS;

    private long now = 42 * SECOND;

    private TenantRateLimit limit(double perSecond, int burst) {
        return new TenantRateLimit(perSecond, burst, () -> now);
    }

    private RequestBridge bridge(double perSecond, int burst) {
        return new RequestBridge(request -> OK, FAILURES, BasePath.parse("/scim/v2"), TENANT_TOKENS, 100, true,
                TenantPermits.UNLIMITED, limit(perSecond, burst));
    }

    private static ScimResponse post(RequestBridge bridge, String token, InputStream body) {
        return bridge.serve("POST", "scim/v2/Users", null, APPLICATION, Map.of("Authorization", List.of(token)), body)
                .orElseThrow().response();
    }

    private static ScimResponse get(RequestBridge bridge, String token) {
        return bridge.serve("GET", "scim/v2/Users", null, APPLICATION, Map.of("Authorization", List.of(token)), null)
                .orElseThrow().response();
    }

    @Test
    void aTenantMaySendItsBurstThenGets429WithAnRfcErrorBody() {
        RequestBridge bridge = bridge(1, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(get(bridge, "Bearer t-contoso").status()).as("request %d of the burst", i).isEqualTo(200);
        }
        ScimResponse refused = get(bridge, "Bearer t-contoso");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).hasValue("1");
        assertThat(refused.bodyText()).contains("urn:ietf:params:scim:api:messages:2.0:Error").contains("\"429\"")
                .doesNotContain("contoso");
    }

    @Test
    void oneTenantsBurstDoesNotTouchAnotherTenantsBucket() {
        RequestBridge bridge = bridge(1, 2);
        get(bridge, "Bearer t-contoso");
        get(bridge, "Bearer t-contoso");
        assertThat(get(bridge, "Bearer t-contoso").status()).isEqualTo(429);
        assertThat(get(bridge, "Bearer t-fabrikam").status()).isEqualTo(200);
        assertThat(get(bridge, "Bearer t-fabrikam").status()).isEqualTo(200);
    }

    @Test
    void theBucketRefillsAtTheRateUpToTheBurst() {
        TenantRateLimit limit = limit(2, 2);
        assertThat(limit.tryTake("contoso")).isZero();
        assertThat(limit.tryTake("contoso")).isZero();
        assertThat(limit.tryTake("contoso")).as("half a second until the next request").isEqualTo(SECOND / 2);
        now += SECOND / 2;
        assertThat(limit.tryTake("contoso")).isZero();
        assertThat(limit.tryTake("contoso")).isPositive();
        now += 60 * SECOND;
        assertThat(limit.tryTake("contoso")).as("a long pause refills to the burst, no more").isZero();
        assertThat(limit.tryTake("contoso")).isZero();
        assertThat(limit.tryTake("contoso")).isPositive();
    }

    @Test
    void retryAfterIsTheWaitInWholeSecondsRoundedUp() {
        TenantRateLimit slow = limit(0.25, 1);
        assertThat(slow.tryTake("contoso")).isZero();
        now += SECOND / 2;
        long wait = slow.tryTake("contoso");
        assertThat(wait).isEqualTo(3 * SECOND + SECOND / 2);
        assertThat(TenantRateLimit.refusal(wait).header("Retry-After")).hasValue("4");
        assertThat(TenantRateLimit.refusal(1).header("Retry-After")).hasValue("1");
        assertThat(TenantRateLimit.refusal(2 * SECOND).header("Retry-After")).hasValue("2");
        assertThat(TenantRateLimit.refusal(Long.MAX_VALUE).header("Retry-After")).hasValue("9223372037");
    }

    @Test
    void theRefusedRequestsBodyIsNotRead() {
        RequestBridge bridge = bridge(1, 1);
        get(bridge, "Bearer t-contoso");
        int[] read = {0};
        InputStream body = TenantLimitFixtures.countingBody(read);
        assertThat(post(bridge, "Bearer t-contoso", body).status()).isEqualTo(429);
        assertThat(read[0]).isZero();
    }

    @Test
    void anonymousRequestsAreNotCounted() {
        RequestBridge bridge = bridge(1, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(bridge.serve("GET", "scim/v2/ServiceProviderConfig", null, APPLICATION, Map.of(), null)
                    .orElseThrow().response().status()).isNotEqualTo(429);
        }
        assertThat(get(bridge, "Bearer t-contoso").status()).isEqualTo(200);
    }

    @Test
    void zeroMeansNoLimit() {
        TenantRateLimit none = limit(0, 0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(none.tryTake("contoso")).isZero();
        }
    }

    @Test
    void invalidRatesAreRefused() {
        assertThatThrownBy(() -> limit(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit(Double.POSITIVE_INFINITY, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst");
        ScimEndpoint.Builder builder = ScimEndpoint.builder(TenantLimitFixtures.SERVICE);
        assertThatThrownBy(() -> builder.rateLimitPerTenant(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.rateLimitPerTenant(5, 10)).isSameAs(builder);
    }
}
