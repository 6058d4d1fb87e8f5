package io.scimkit.testkit.scenario;

import java.util.Locale;

/**
 * The ways a provisioning client talks to a SCIM endpoint: the three of Microsoft Entra ID (see
 * {@code docs/entra-quirks.md}) — the provisioning service without the {@code aadOptscim062020}
 * flag (also every provision-on-demand run), the service with the flag, and the SCIM Validator —
 * and Okta's SCIM 2.0 provisioning (see {@code docs/okta.md}). A scenario step may be limited to
 * some of them; a scenario is replayed once per dialect it supports and the selection asks for.
 */
public enum Dialect {
    /** No flag: capitalised ops, string booleans, remove-members by value array. */
    DEFAULT("default"),
    /** Tenant URL with {@code ?aadOptscim062020}: lowercase ops, JSON booleans, no-path value objects. */
    FLAG("flag"),
    /** scimvalidator.microsoft.com: object-valued manager, no-path replaces, add+remove in one PATCH. */
    VALIDATOR("validator"),
    /** Okta: paged import, {@code userName eq} lookups, whole-user PUT, PATCH deactivation, group push. */
    OKTA("okta");

    /** The query parameter that switches the provisioning service to the flag dialect. */
    public static final String FLAG_QUERY_PARAMETER = "aadOptscim062020";

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The name used in scenario files and on the command line. */
    public String id() {
        return id;
    }

    /**
     * The dialect with this name, ignoring case; {@code aadOptscim062020} names {@link #FLAG}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Dialect named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(FLAG_QUERY_PARAMETER.toLowerCase(Locale.ROOT))) {
            return FLAG;
        }
        for (Dialect dialect : values()) {
            if (dialect.id.equals(wanted)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + name + "' (default, flag, validator, okta)");
    }

    @Override
    public String toString() {
        return id;
    }
}
