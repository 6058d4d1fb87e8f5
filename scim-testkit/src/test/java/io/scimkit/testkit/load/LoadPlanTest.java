package io.scimkit.testkit.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadPlanTest {

    @Test
    void namesCarryTheRunIdSoRunsNeverCollide() {
        LoadPlan plan = LoadPlan.of(10, 2, 3, 1).withRunId("r1");
        assertThat(plan.userName(7)).isEqualTo("lt-r1-u0000007@load.scimkit.example").startsWith(plan.userPrefix());
        assertThat(plan.groupName(1)).isEqualTo("lt-r1-g000001").startsWith(plan.groupPrefix());
        assertThat(plan.userExternalId(7)).isEqualTo(plan.userExternalId(7)).isNotEqualTo(plan.userExternalId(8));
        assertThat(plan.withRunId("r2").userName(7)).isNotEqualTo(plan.userName(7));
        assertThat(LoadPlan.newRunId()).matches("[0-9a-f]{8}").isNotEqualTo(LoadPlan.newRunId());
    }

    @ParameterizedTest(name = "{0} users, {1} groups of {2}")
    @CsvSource({"10, 2, 5", "10, 3, 10", "7, 4, 3", "10000, 100, 100", "5, 1, 0"})
    void membersAreDistinctWithinAGroupAndCoverTheUsersWhenThereAreEnoughSlots(int users, int groups, int members) {
        LoadPlan plan = LoadPlan.of(users, groups, members, 1);
        Set<Integer> covered = new HashSet<>();
        for (int g = 0; g < groups; g++) {
            int[] of = plan.members(g);
            assertThat(of).hasSize(members).doesNotHaveDuplicates();
            assertThat(Arrays.stream(of).allMatch(i -> i >= 0 && i < users)).isTrue();
            Arrays.stream(of).forEach(covered::add);
        }
        if ((long) groups * members >= users) {
            assertThat(covered).hasSize(users);
        }
    }

    @ParameterizedTest(name = "{0} users, update {1}, disable {2}")
    @CsvSource({"1000, 0.1, 0.05, 100, 50", "10, 0.5, 0.25, 5, 2", "10, 0, 1, 0, 10", "3, 1, 0, 3, 0", "10000, 0.1, 0.05, 1000, 500"})
    void theIncrementalCycleSelectsItsShareOfUsers(int users, double update, double disable, int updated, int disabled) {
        LoadPlan plan = LoadPlan.of(users, 0, 0, 1).withFractions(update, disable);
        assertThat(IntStream.range(0, users).filter(plan::updated).count()).isEqualTo(updated);
        assertThat(IntStream.range(0, users).filter(plan::disabled).count()).isEqualTo(disabled);
    }

    @ParameterizedTest(name = "{1} members in batches of {2}: {3} PATCHes per group")
    @CsvSource({"4, 100, 50, 2", "4, 100, 30, 4", "2, 1, 50, 1", "3, 0, 50, 0"})
    void memberPatchesRoundUp(int groups, int members, int batch, int perGroup) {
        LoadPlan plan = LoadPlan.of(100, groups, members, 1).withMemberBatch(batch);
        assertThat(plan.memberPatches()).isEqualTo((long) groups * perGroup);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "no users;               0; 0; 0; 1; 0; 50; 0.1; 0.1; run",
        "more members than users; 5; 1; 6; 1; 0; 50; 0.1; 0.1; run",
        "no workers;             5; 0; 0; 0; 0; 50; 0.1; 0.1; run",
        "negative rate;          5; 0; 0; 1; -1; 50; 0.1; 0.1; run",
        "empty batch;            5; 0; 0; 1; 0; 0; 0.1; 0.1; run",
        "fraction above one;     5; 0; 0; 1; 0; 50; 1.1; 0.1; run",
        "negative fraction;      5; 0; 0; 1; 0; 50; 0.1; -0.1; run",
        "upper-case run id;      5; 0; 0; 1; 0; 50; 0.1; 0.1; Run",
        "slash in run id;        5; 0; 0; 1; 0; 50; 0.1; 0.1; a/b"})
    void invalidPlansAreRefused(String what, int users, int groups, int members, int concurrency, double rate, int batch,
            double update, double disable, String runId) {
        assertThatThrownBy(() -> new LoadPlan(users, groups, members, concurrency, rate, batch, update, disable, runId))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
