package io.scimkit.testkit.load;

import java.util.Locale;

/**
 * The kinds of request the load mode sends, each with its own latency figures. The first six are
 * what Entra ID sends in its cycles (create, match, member add, update, disable); the last three
 * are the
 * load mode's own end-state check.
 */
public enum RequestKind {
    /** Match: {@code GET /Users?filter=userName eq "…"}. */
    USER_LOOKUP,
    /** Create: {@code POST /Users}. */
    USER_CREATE,
    /** Group match: {@code GET /Groups?excludedAttributes=members&filter=displayName eq "…"}. */
    GROUP_LOOKUP,
    /** Group create: {@code POST /Groups} without members. */
    GROUP_CREATE,
    /** Member add: {@code PATCH /Groups/{id}} adding a batch of members. */
    MEMBER_ADD,
    /** Update: {@code PATCH /Users/{id}} with changed attributes. */
    USER_UPDATE,
    /** Disable: {@code PATCH /Users/{id}} setting {@code active} to {@code "False"}. */
    USER_DISABLE,
    /** End state: one page of {@code GET /Users?filter=userName sw "…"}. */
    VERIFY_USER_PAGE,
    /** End state: one page of {@code GET /Groups?filter=displayName sw "…"}. */
    VERIFY_GROUP_PAGE,
    /** End state: {@code GET /Groups/{id}} with its members. */
    VERIFY_GROUP_GET;

    /** The name in output and reports, e.g. {@code user-lookup}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the kind belongs to the end-state check rather than to a provisioning cycle. */
    public boolean verification() {
        return name().startsWith("VERIFY_");
    }
}
