package io.scimkit.examples.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One user as the integrator's application already stores it: the columns the application itself
 * reads (login, display name, work e-mail, enabled flag, the identity provider's reference), plus
 * one text column with the rest of the SCIM representation as JSON, so that what Entra sends comes
 * back unchanged (Entra re-sends every attribute that does not round-trip, ENTRA-PROVISIONING §2.2).
 *
 * @param rowNumber the table's auto-increment key: insertion order, the order of unsorted results
 * @param id the SCIM {@code id}: assigned by the store, never reused
 * @param tenant whose user this is (each Entra tenant provisions its own users)
 * @param login the SCIM {@code userName}; unique per tenant without regard to case
 * @param externalReference the SCIM {@code externalId} (Entra's {@code mailNickname} or object id)
 * @param displayName the SCIM {@code displayName}
 * @param workEmail the {@code value} of the work e-mail (or the primary one): a read-only copy the
 *     application uses; the full {@code emails} stay in {@code scimJson}
 * @param enabled the SCIM {@code active}; {@code null} when the client never sent it (SCIM tells
 *     "absent" from "false", and filters such as {@code active pr} see the difference)
 * @param scimJson every other attribute, as the core's JSON codec writes it
 * @param revision bumped by every write; the version tag is {@code W/"<revision>"}
 * @param created when the row was inserted
 * @param modified when the row was last written
 */
public record UserRow(long rowNumber, String id, String tenant, String login, @Nullable String externalReference,
        @Nullable String displayName, @Nullable String workEmail, @Nullable Boolean enabled, String scimJson,
        long revision, Instant created, Instant modified) {

    public UserRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(scimJson, "scimJson");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
    }

    /** The weak version tag of this revision (RFC 7644 §3.14). */
    public String versionTag() {
        return "W/\"" + revision + "\"";
    }
}
