package io.scimkit.testkit.load;

import java.util.List;

/**
 * The end state a load run found: how many of its users, groups and memberships the server
 * returned, and every way the state differed from the plan (the first {@link ProblemLog#KEPT} in
 * words).
 *
 * @param usersFound users of this run the server listed
 * @param groupsFound groups of this run the server listed
 * @param membershipsFound member values in those groups
 * @param problemCount how many differences there were
 * @param problems the first differences, in words
 */
public record Verification(long usersFound, long groupsFound, long membershipsFound, long problemCount,
        List<String> problems) {

    public Verification {
        problems = List.copyOf(problems);
    }

    /** Whether the end state is exactly what the plan provisioned. */
    public boolean passed() {
        return problemCount == 0;
    }
}
