package io.scimkit.jdbc.internal.query;

/**
 * A table holding one row per element of a multi-valued attribute, joined to its resource by
 * tenant, resource type and id: a value path {@code emails[...]} becomes {@code EXISTS} over it.
 */
enum ChildTable {
    /** User {@code emails}: folded {@code value} and {@code type}, and {@code primary}. */
    EMAIL("scim_email", "e", "resource_id"),
    /** Group {@code members}: folded {@code value}. */
    MEMBER("scim_member", "m", "group_id");

    private final String table;
    private final String alias;
    private final String owner;

    ChildTable(String table, String alias, String owner) {
        this.table = table;
        this.alias = alias;
        this.owner = owner;
    }

    /** The alias its columns are qualified with. */
    String alias() {
        return alias;
    }

    /** {@code EXISTS} of a row of this table of the outer resource {@code r} that satisfies the predicate. */
    SqlFragment exists(SqlFragment predicate) {
        return new SqlFragment("EXISTS (SELECT 1 FROM " + table + " " + alias + " WHERE " + alias + ".tenant = r.tenant"
                + " AND " + alias + ".resource_type = r.resource_type AND " + alias + "." + owner + " = r.id AND "
                + predicate.sql() + ")", predicate.parameters());
    }
}
