package io.scimkit.jdbc.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases the JDBC store runs on: the DDL scripts, how the JSON body is
 * bound, how a member is inserted unless present, and how strings compare.
 */
public enum Dialect {
    /** H2 2.x: strings compare as {@link String#compareTo} does (by UTF-16 code unit), body in a CLOB. */
    H2("h2", "?", true,
            "INSERT INTO scim_member (tenant, resource_type, group_id, member_id, member_key, member_type, display, ref)"
                    + " SELECT * FROM (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                    + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                    + " CAST(? AS VARCHAR))) AS s(tenant, resource_type, group_id, member_id, member_key, member_type,"
                    + " display, ref) WHERE NOT EXISTS (SELECT 1 FROM scim_member t WHERE t.tenant = s.tenant"
                    + " AND t.resource_type = s.resource_type AND t.group_id = s.group_id AND t.member_id = s.member_id)"),
    /**
     * PostgreSQL 15+: text key columns use the {@code "C"} collation (order by code point, which
     * differs from Java's UTF-16 order for characters above U+FFFF), body in {@code jsonb}.
     */
    POSTGRESQL("postgresql", "CAST(? AS jsonb)", false,
            "INSERT INTO scim_member (tenant, resource_type, group_id, member_id, member_key, member_type, display, ref)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");

    private final String scripts;
    private final String bodyParameter;
    private final boolean comparesByCodeUnit;
    private final String insertMember;

    Dialect(String scripts, String bodyParameter, boolean comparesByCodeUnit, String insertMember) {
        this.scripts = scripts;
        this.bodyParameter = bodyParameter;
        this.comparesByCodeUnit = comparesByCodeUnit;
        this.insertMember = insertMember;
    }

    /**
     * The dialect of the database a connection talks to.
     *
     * @throws IllegalStateException for a database other than H2 and PostgreSQL
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("the JDBC store supports H2 and PostgreSQL, not " + product);
    }

    /** The classpath folder of this dialect's DDL scripts. */
    String scriptFolder() {
        return "io/scimkit/jdbc/schema/" + scripts + "/";
    }

    /** The SQL placeholder a JSON body (bound as a string) is written through. */
    public String bodyParameter() {
        return bodyParameter;
    }

    /**
     * Whether string comparisons ({@code <}, {@code >}) of the key columns order exactly as
     * {@link String#compareTo} does; only then are {@code gt ge lt le} on strings pushed down.
     */
    public boolean comparesByCodeUnit() {
        return comparesByCodeUnit;
    }

    /**
     * The statement that adds one member row unless the group already has that member (existing
     * rows are kept as they are); parameters: tenant, resource type, group id, member id, member
     * key, member type, display, $ref. Whether the member is there is one lookup by the primary
     * key, so its cost does not grow with the group.
     */
    public String insertMemberUnlessPresent() {
        return insertMember;
    }
}
