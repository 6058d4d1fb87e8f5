package io.scimkit.testkit.load;

import java.util.Objects;

/**
 * What a load-run user must look like at the end: the attributes the create sets, as changed by
 * the incremental cycle. The end-state check compares these with what the server returns.
 *
 * @param index the user's number in the plan
 * @param userName the userName (also the work e-mail)
 * @param externalId the externalId
 * @param displayName the displayName
 * @param familyName {@code name.familyName}
 * @param workEmail the value of the {@code work} e-mail
 * @param department the enterprise extension's department
 * @param active whether the user is active
 */
record ExpectedUser(int index, String userName, String externalId, String displayName, String familyName,
        String workEmail, String department, boolean active) {

    ExpectedUser {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(workEmail, "workEmail");
        Objects.requireNonNull(department, "department");
    }

    /** User {@code i} as the initial cycle creates it. */
    static ExpectedUser created(LoadPlan plan, int i) {
        return new ExpectedUser(i, plan.userName(i), plan.userExternalId(i), "Load User " + i, "User" + i,
                plan.userName(i), "Department " + (i % 10), true);
    }

    /** User {@code i} at the end of the run. */
    static ExpectedUser finalState(LoadPlan plan, int i) {
        ExpectedUser user = created(plan, i);
        if (plan.updated(i)) {
            user = user.updated();
        }
        return plan.disabled(i) ? user.disabled() : user;
    }

    /** After the incremental update PATCH. */
    ExpectedUser updated() {
        return new ExpectedUser(index, userName, externalId, displayName + " (updated)", familyName, workEmail,
                "Department " + (index % 10) + " (moved)", active);
    }

    /** After the disable PATCH. */
    ExpectedUser disabled() {
        return new ExpectedUser(index, userName, externalId, displayName, familyName, workEmail, department, false);
    }
}
