package io.scimkit.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.patch.PatchSettings;
import io.scimkit.core.schema.UnknownAttributePolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Presets, switching rules by id, the engine and parser settings they imply, and statistics. */
class ClientDialectTest {

    @Test
    void presetsAreAllRulesAndNoRules() {
        assertThat(ClientDialect.lenient().rules()).containsExactlyElementsOf(EnumSet.allOf(DialectRule.class));
        assertThat(ClientDialect.strict().rules()).isEmpty();
        assertThat(ClientDialect.strict().patchSettings()).isEqualTo(PatchSettings.strict());
        assertThat(ClientDialect.lenient().patchSettings()).isEqualTo(PatchSettings.lenient());
        assertThat(ClientDialect.strict().filterSettings()).isEqualTo(FilterSettings.strict());
        assertThat(ClientDialect.lenient().filterSettings()).isEqualTo(FilterSettings.lenient());
    }

    @ParameterizedTest
    @EnumSource(DialectRule.class)
    void eachRuleCanBeSwitchedOffAloneByIdAndOnAgain(DialectRule rule) {
        ClientDialect without = ClientDialect.lenient().without(rule.id().toUpperCase());
        EnumSet<DialectRule> expected = EnumSet.allOf(DialectRule.class);
        expected.remove(rule);
        assertThat(without.rules()).containsExactlyElementsOf(expected);
        assertThat(without.isOn(rule)).isFalse();
        assertThat(without.with(rule.id()).rules()).isEqualTo(ClientDialect.lenient().rules());
        assertThat(ClientDialect.strict().with(rule).rules()).containsExactly(rule);
        assertThat(DialectRule.named(rule.id())).isSameAs(rule);
    }

    @ParameterizedTest
    @EnumSource(value = DialectRule.class, names = {"REMOVE_MEMBERS_BY_VALUE", "UPSERT_ON_UNMATCHED_FILTER",
        "UNKNOWN_ATTRIBUTES_IGNORED", "VALUE_PATH_SUB_ATTRIBUTE_FILTER", "SINGLE_QUOTED_FILTER_STRINGS"})
    void settingRulesFlipExactlyTheirFlag(DialectRule rule) {
        PatchSettings off = ClientDialect.lenient().without(rule).patchSettings();
        PatchSettings on = ClientDialect.strict().with(rule).patchSettings();
        PatchSettings expectedOff = switch (rule) {
            case REMOVE_MEMBERS_BY_VALUE -> PatchSettings.lenient().withRemoveWithValueRemovesListed(false);
            case UPSERT_ON_UNMATCHED_FILTER -> PatchSettings.lenient().withUpsertUnmatchedValueFilter(false);
            case UNKNOWN_ATTRIBUTES_IGNORED -> PatchSettings.lenient().withUnknownAttributes(UnknownAttributePolicy.REJECT);
            case VALUE_PATH_SUB_ATTRIBUTE_FILTER -> PatchSettings.lenient().withFilters(
                    new FilterSettings(false, true, FilterSettings.DEFAULT_MAX_LENGTH, FilterSettings.DEFAULT_MAX_DEPTH));
            default -> PatchSettings.lenient().withFilters(
                    new FilterSettings(true, false, FilterSettings.DEFAULT_MAX_LENGTH, FilterSettings.DEFAULT_MAX_DEPTH));
        };
        assertThat(off).isEqualTo(expectedOff);
        assertThat(ClientDialect.lenient().without(rule).filterSettings()).isEqualTo(expectedOff.filters());
        assertThat(on).isNotEqualTo(PatchSettings.strict());
        assertThat(rule.kind()).isNotEqualTo(DialectRule.Kind.REWRITE);
    }

    @Test
    void unknownRuleIdIsRefused() {
        assertThatThrownBy(() -> ClientDialect.lenient().without("manager-as-string"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manager-as-string");
    }

    @Test
    void ruleIdsAreUniqueKebabCaseAndCiteAQuirk() {
        List<String> ids = new ArrayList<>();
        for (DialectRule rule : DialectRule.values()) {
            assertThat(rule.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(rule.quirk()).matches("Q\\d+|Okta|RFC 764[34] §\\d+(\\.\\d+)*");
            ids.add(rule.id());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void statisticsAreThreadSafeAndPerInstance() throws Exception {
        ClientDialect lenient = ClientDialect.lenient();
        PatchRequest disable = DialectRulesTest.readPatch("{'op':'Replace','path':'active','value':'False'}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        lenient.normalizePatch(disable, DialectRulesTest.USER, DialectRulesTest.REGISTRY);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(lenient.firings()).containsEntry("op-case-insensitive", 2000L).containsEntry("boolean-strings", 2000L)
                .hasSize(2);
        assertThat(lenient.stats().firings(DialectRule.OP_CASE_INSENSITIVE)).isEqualTo(2000L);
        assertThat(lenient.without(DialectRule.OP_CASE_INSENSITIVE).firings()).isEmpty();
    }
}
