package io.scimkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.protocol.DeletePolicy;
import io.scimkit.core.protocol.ServiceLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ScimkitPropertiesTest {

    private static ScimkitProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("scimkit", ScimkitProperties.class);
    }

    @Test
    void theDefaultsAreTheCoresDefaults() {
        ScimkitProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.basePath()).isEqualTo("/scim/v2");
        assertThat(properties.servletMapping()).isEqualTo("/scim/v2/*");
        assertThat(properties.dialect()).isEqualTo(ScimkitProperties.Dialect.LENIENT);
        assertThat(properties.deletePolicy()).isEqualTo(DeletePolicy.HARD);
        assertThat(properties.tokens()).isEmpty();
        assertThat(properties.publicBaseUri()).isNull();
        assertThat(properties.limits().serviceLimits()).isEqualTo(ServiceLimits.defaults());
    }

    @ParameterizedTest
    @CsvSource({"/scim/v2,/scim/v2", "scim/v2/,/scim/v2", "' /identity/scim ',/identity/scim", "/,/", "'',/"})
    void theBasePathIsNormalised(String given, String expected) {
        assertThat(bind(Map.of("scimkit.base-path", given)).basePath()).isEqualTo(expected);
    }

    @Test
    void theRootBasePathMapsEveryPath() {
        assertThat(bind(Map.of("scimkit.base-path", "/")).servletMapping()).isEqualTo("/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/../v2", "/scim/./v2", "/scim//v2", "/scim v2", "/scim/v2?x", "/sc%20im"})
    void anUnusableBasePathIsRefused(String given) {
        assertThatThrownBy(() -> bind(Map.of("scimkit.base-path", given))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("scimkit.base-path is '/' or segments");
    }

    @Test
    void aRelativePublicBaseUriIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("scimkit.public-base-uri", "/scim/v2"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("absolute URI");
    }

    @Test
    void tokensComeFromTheEnvironmentByTenant() {
        StandardEnvironment environment = new StandardEnvironment();
        // Spring Boot maps variable names to properties only for the source of this name.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SCIMKIT_TOKENS_CONTOSO", "contoso-token-0123456789", "SCIMKIT_DIALECT", "strict")));
        ScimkitProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("scimkit", ScimkitProperties.class);

        assertThat(properties.tokens()).containsExactly(Map.entry("contoso", "contoso-token-0123456789"));
        assertThat(properties.dialect()).isEqualTo(ScimkitProperties.Dialect.STRICT);
    }

    @Test
    void toStringNamesTenantsButNoToken() {
        ScimkitProperties properties = bind(Map.of("scimkit.tokens.contoso", "contoso-secret-0123456789",
                "scimkit.tokens.fabrikam", "fabrikam-secret-0123456789"));

        assertThat(properties.toString()).contains("tenants=[contoso, fabrikam]").doesNotContain("secret");
    }

    @Test
    void aPayloadLimitBeyondAnIntIsRefused() {
        ScimkitProperties properties = bind(Map.of("scimkit.limits.max-payload-size", "3GB"));

        assertThatThrownBy(() -> properties.limits().serviceLimits()).hasMessageContaining("max-payload-size");
    }

    @Test
    void thePerTenantRequestLimitIsOffByDefaultAndBindable() {
        assertThat(bind(Map.of()).limits().maxConcurrentRequestsPerTenant()).isZero();
        assertThat(bind(Map.of("scimkit.limits.max-concurrent-requests-per-tenant", "8")).limits()
                .maxConcurrentRequestsPerTenant()).isEqualTo(8);
        assertThatThrownBy(() -> bind(Map.of("scimkit.limits.max-concurrent-requests-per-tenant", "-1")))
                .hasStackTraceContaining("max-concurrent-requests-per-tenant");
    }

    @Test
    void thePerTenantRateLimitIsOffByDefaultAndBindable() {
        assertThat(bind(Map.of()).limits()).extracting(ScimkitProperties.Limits::rateLimitPerTenant,
                ScimkitProperties.Limits::rateBurst).containsExactly(0.0, 0);
        assertThat(bind(Map.of("scimkit.limits.rate-limit-per-tenant", "2.5")).limits())
                .extracting(ScimkitProperties.Limits::rateLimitPerTenant, ScimkitProperties.Limits::rateBurst)
                .as("the burst defaults to one second's requests, rounded up").containsExactly(2.5, 3);
        assertThat(bind(Map.of("scimkit.limits.rate-limit-per-tenant", "20", "scimkit.limits.rate-burst", "100"))
                .limits().rateBurst()).isEqualTo(100);
        assertThatThrownBy(() -> bind(Map.of("scimkit.limits.rate-limit-per-tenant", "-1")))
                .hasStackTraceContaining("rate-limit-per-tenant");
        assertThatThrownBy(() -> bind(Map.of("scimkit.limits.rate-burst", "-1")))
                .hasStackTraceContaining("rate-burst");
    }

    @Test
    void aTokenValueMayListHashedTokensAndIsKeptAsGiven() {
        String value = "contoso-token-0123456789,sha256:" + "ab".repeat(32);
        assertThat(bind(Map.of("scimkit.tokens.contoso", value)).tokens()).containsExactly(Map.entry("contoso", value));
    }
}
