package io.scimkit.core.patch;

import static io.scimkit.core.patch.PatchJson.GROUP;
import static io.scimkit.core.patch.PatchJson.REGISTRY;
import static io.scimkit.core.patch.PatchJson.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimkit.core.resource.ScimResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random PATCH requests against random valid Users and Groups, under both presets: the
 * {@link PatchOracle} properties hold for every one (P-PAT-09 atomicity, S-ATTR-14, S-ATTR-18,
 * P-PAT-13, P-PAT-19, values conforming to the schema).
 */
class PatchEnginePropertiesTest {
    private static final int RUNS_PER_SEED = 1500;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20240513L})
    void everyRequestReturnsAValidResourceOrAScimError(long seed) {
        PatchGenerator generator = new PatchGenerator(seed);
        int applied = 0;
        int changed = 0;
        for (int i = 0; i < RUNS_PER_SEED; i++) {
            boolean group = generator.nextBoolean();
            ScimResource resource = group ? generator.group() : generator.user();
            PatchOracle.validate(REGISTRY, group ? GROUP : USER, resource);
            PatchRequest request = generator.request(group);
            PatchSettings settings = generator.nextBoolean() ? PatchSettings.strict() : PatchSettings.lenient();
            PatchResult result = PatchOracle.check(REGISTRY, group ? GROUP : USER, settings, resource, request);
            if (result != null) {
                applied++;
                if (result.changed()) {
                    changed++;
                }
            }
        }
        // The generator must exercise both outcomes, or the properties say little.
        assertThat(applied).isGreaterThan(RUNS_PER_SEED / 10);
        assertThat(changed).isGreaterThan(RUNS_PER_SEED / 20);
        assertThat(applied).isLessThan(RUNS_PER_SEED);
    }
}
