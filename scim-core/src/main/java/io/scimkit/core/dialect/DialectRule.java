package io.scimkit.core.dialect;

import java.util.Locale;

/**
 * One named, individually switchable rule of a {@link ClientDialect}: a shape that real SCIM
 * clients send but RFC 7643/7644 does not define (or defines differently), and how the lenient
 * server reads it. Quirk ids ({@code Q1}…{@code Q25}) are the Microsoft Entra ID quirks listed in
 * {@code docs/entra-quirks.md}, which also says what the strict preset does with each.
 *
 * <p>Most rules rewrite the request before the PATCH engine or the validator sees it
 * ({@link Kind#REWRITE}). A few cannot be decided without the stored resource or inside the filter
 * grammar; those switch a flag of the PATCH engine ({@link Kind#PATCH_SETTING}) or the filter
 * parser ({@link Kind#FILTER_SETTING}) instead. The {@link #id()} is stable: it is what
 * configuration, logs and {@link DialectStats} use.
 */
public enum DialectRule {
    /** Q1: {@code "op": "Replace"} (any case) is read as {@code "replace"}; RFC 7644 only shows lower case. */
    OP_CASE_INSENSITIVE("op-case-insensitive", "Q1", Kind.REWRITE),
    /**
     * Q2: {@code "True"}/{@code "False"} (any case) for a boolean attribute become JSON
     * booleans: in PATCH values with and without path, in resource bodies, and as literals in a
     * PATCH path's value filter ({@code roles[primary eq "True"].value}).
     */
    BOOLEAN_STRINGS("boolean-strings", "Q2", Kind.REWRITE),
    /**
     * Q3: keys such as {@code name.givenName} or {@code urn:…:enterprise:2.0:User:employeeNumber}
     * in the value of an operation without {@code path} become operations with that path, in order.
     */
    NO_PATH_PATH_KEYS("no-path-path-keys", "Q3", Kind.REWRITE),
    /**
     * Q4: {@code remove} of {@code members} with a {@code value} array removes only the listed
     * members (PATCH engine flag {@code removeWithValueRemovesListed}).
     */
    REMOVE_MEMBERS_BY_VALUE("remove-members-by-value", "Q4", Kind.PATCH_SETTING),
    /** Q5: {@code "$ref": null} inside a complex value is dropped. */
    NULL_REF_DROPPED("null-ref-dropped", "Q5", Kind.REWRITE),
    /**
     * Q6: {@code add}/{@code replace} on {@code emails[type eq "work"].value} when no element
     * matches creates the element (PATCH engine flag {@code upsertUnmatchedValueFilter}).
     */
    UPSERT_ON_UNMATCHED_FILTER("upsert-on-unmatched-filter", "Q6", Kind.PATCH_SETTING),
    /**
     * Q9: a bare string for a single-valued complex attribute with a {@code value} sub-attribute
     * (the enterprise {@code manager}) becomes {@code {"value": …}}.
     */
    MANAGER_BARE_STRING("manager-bare-string", "Q9", Kind.REWRITE),
    /** Q9: a one-element array for a single-valued complex attribute (legacy manager shape) becomes its element. */
    MANAGER_SINGLE_ELEMENT_ARRAY("manager-single-element-array", "Q9", Kind.REWRITE),
    /**
     * Q9: {@code add}/{@code replace} of manager with {@code ""}, {@code {"value": ""}} or an empty
     * value becomes a {@code remove}; in a resource body such a manager is left out.
     */
    MANAGER_EMPTY_REMOVES("manager-empty-removes", "Q9", Kind.REWRITE),
    /** Q12: members whose value is JSON {@code null} are left out of POST/PUT bodies. */
    BODY_NULLS_IGNORED("body-nulls-ignored", "Q12", Kind.REWRITE),
    /**
     * Q12, Q9: a top-level body member that is no core attribute but an attribute of exactly one of
     * the resource type's extensions (Entra's root-level {@code department}) moves into that
     * extension; likewise a PATCH path or path-less key naming such an attribute unqualified (the
     * legacy {@code "path": "manager"}) gets the extension URN.
     */
    MISPLACED_EXTENSION_ATTRIBUTES("misplaced-extension-attributes", "Q12", Kind.REWRITE),
    /** Q12: attributes the schema does not define are ignored rather than rejected (engine policy). */
    UNKNOWN_ATTRIBUTES_IGNORED("unknown-attributes-ignored", "Q12", Kind.PATCH_SETTING),
    /** Q13: {@code meta} sent by the client in a POST/PUT body is dropped (it is read-only). */
    CLIENT_META_IGNORED("client-meta-ignored", "Q13", Kind.REWRITE),
    /**
     * Q14 (and Q12's typo URN): {@code schemas} URIs the resource type does not have, such as
     * {@code http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group}, are dropped.
     */
    UNKNOWN_SCHEMA_URIS_DROPPED("unknown-schema-uris-dropped", "Q14", Kind.REWRITE),
    /**
     * Q15: an element of a multi-valued complex attribute whose {@code value} is a JSON object
     * serialised as a string (Entra's app roles) is replaced by that object.
     */
    JSON_STRING_VALUES("json-string-values", "Q15", Kind.REWRITE),
    /** Q20: filters of the form {@code emails[type eq "work"].value eq "x"} are accepted. */
    VALUE_PATH_SUB_ATTRIBUTE_FILTER("value-path-sub-attribute-filter", "Q20", Kind.FILTER_SETTING),
    /**
     * Single-quoted string literals in filters are accepted, as in RFC 7644's own examples
     * ({@code displayName sw 'Group'}, §3.7.1), although its grammar allows only JSON strings.
     */
    SINGLE_QUOTED_FILTER_STRINGS("single-quoted-filter-strings", "RFC 7644 §3.7.1", Kind.FILTER_SETTING),
    /**
     * Q24: legacy paths that separate an extension URN from its attribute with a dot
     * ({@code urn:…:enterprise:2.0:User.department}) get the colon RFC 7644 §3.10 requires.
     */
    EXTENSION_DOT_SEPARATOR("extension-dot-separator", "Q24", Kind.REWRITE),
    /**
     * Okta: {@code replace} of a multi-valued attribute with {@code []}, sent to
     * clear a group's members, becomes a {@code remove} of the attribute (Okta's traffic is
     * described in {@code docs/okta.md}).
     */
    REPLACE_EMPTY_ARRAY_REMOVES("replace-empty-array-removes", "Okta", Kind.REWRITE),
    /**
     * A Bulk PATCH operation whose {@code data} is a bare array of PATCH operations (the shape of
     * the malformed RFC 7644 §3.7 example) is read as the PatchOp message holding them.
     */
    BULK_PATCH_BARE_ARRAY("bulk-patch-bare-array", "RFC 7644 §3.7", Kind.REWRITE),
    /**
     * A request body that is valid UTF-8 but whose {@code Content-Type} declares an
     * ASCII-compatible or unknown {@code charset} ({@code application/scim+json; charset=ISO-8859-1},
     * REST Assured's default, around UTF-8 bytes) is read as UTF-8, the format RFC 7644 §3.8 makes
     * SCIM's. Without the rule such a body is decoded as declared, or refused with 415 when the label
     * is unknown. In every dialect a body in a charset the JVM knows is decoded as declared, and only
     * a body that cannot be read as declared is 415.
     */
    DECLARED_REQUEST_CHARSET("declared-request-charset", "RFC 7644 §3.8", Kind.REWRITE),
    /**
     * A filter comparison whose operand is a string holding the lexical form of the attribute's
     * type is read with the typed operand (RFC 7644 §3.4.2.2: comparisons follow the attribute
     * type): {@code active eq "true"} (any case) as {@code active eq true}, {@code "42"} as
     * {@code 42} and {@code "1.5"} as {@code 1.5} for integer and decimal attributes (digits with an
     * optional {@code -} and fraction, RFC 7643 §2.3.3, §2.3.4). The filter is rewritten once it is
     * resolved against the resource type, before a store sees it, so a store that evaluates filters
     * gets the typed operand. Other strings, and numbers or booleans for string attributes, are left
     * for the evaluator to refuse with {@code invalidFilter}. A dateTime operand is a string in the
     * RFC itself ({@code meta.lastModified gt "2011-05-13T04:42:34Z"}) and needs no rule.
     */
    FILTER_STRING_OPERANDS("filter-string-operands", "RFC 7644 §3.4.2.2", Kind.REWRITE);

    /** Where a rule takes effect. */
    public enum Kind {
        /** The dialect rewrites the request before semantics run. */
        REWRITE,
        /** The rule is a flag of the PATCH engine ({@link ClientDialect#patchSettings()}). */
        PATCH_SETTING,
        /** The rule is a flag of the filter parser ({@link ClientDialect#filterSettings()}). */
        FILTER_SETTING
    }

    private final String id;
    private final String quirk;
    private final Kind kind;

    DialectRule(String id, String quirk, Kind kind) {
        this.id = id;
        this.quirk = quirk;
        this.kind = kind;
    }

    /** The stable name, e.g. {@code op-case-insensitive}. */
    public String id() {
        return id;
    }

    /**
     * Where the shape this rule handles comes from: an Entra ID quirk id such as {@code Q1} (see
     * {@code docs/entra-quirks.md}), {@code Okta}, or the RFC section whose example shows it.
     */
    public String quirk() {
        return quirk;
    }

    /** Where the rule takes effect. */
    public Kind kind() {
        return kind;
    }

    /**
     * The rule with this stable name, ignoring case.
     *
     * @throws IllegalArgumentException if no rule has that name
     */
    public static DialectRule named(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (DialectRule rule : values()) {
            if (rule.id.equals(wanted)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("no dialect rule named '" + id + "'");
    }
}
