package io.scimkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tenant names every store can key by (issue 11 finding 6: scim-jdbc's tenant column holds 255). */
class ScimPrincipalTest {
    @ParameterizedTest(name = "[{index}] length {0}")
    @ValueSource(ints = {256, 1000})
    void aTenantNameLongerThanTheLimitIsRefused(int length) {
        assertThatThrownBy(() -> new ScimPrincipal("t".repeat(length), "client"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"a\u0000b", "\uD800", "tenant\uDC00"})
    void aTenantNameWithAnUnstorableCharacterIsRefused(String tenant) {
        assertThatThrownBy(() -> new ScimPrincipal(tenant, "client")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"contoso", "t\uD83D\uDE00", "tab\tand\u0001controls"})
    void otherTenantNamesAreKept(String tenant) {
        assertThat(new ScimPrincipal(tenant, "client").tenant()).isEqualTo(tenant);
        assertThat(new ScimPrincipal("t".repeat(255), "client").tenant()).hasSize(255);
    }
}
