package io.scimkit.jdbc.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How SCIM Users (RFC 7643 §4.1) or Groups (§4.2) map onto a table the application already has:
 * which column holds each attribute, the id, the tenant, the version and the times of
 * {@code meta} (§3.1), where the attributes without a column go, and for groups the membership
 * table. Immutable: every method returns a new mapping.
 *
 * <pre>{@code
 * SqlMapping users = SqlMapping.users("app_user").id("id", IdType.LONG).tenant("tenant_id")
 *         .attribute("userName", "login")
 *         .attribute("emails[type eq \"work\"].value", "email")
 *         .attribute("active", "status", ValueConverter.flag("ACTIVE", "DISABLED"))
 *         .version("row_version").created("created_at").lastModified("updated_at")
 *         .json("scim_extra");
 * SqlMapping groups = SqlMapping.groups("team").id("id", IdType.LONG).tenant("tenant_id")
 *         .attribute("displayName", "name").members("team_member", "team_id", "user_id")
 *         .version("row_version");
 * }</pre>
 *
 * <p>Attribute paths are those of RFC 7644 §3.10: an attribute, a sub-attribute of a singular
 * complex attribute ({@code name.givenName}), an extension attribute with its schema URN, or one
 * value of a multi-valued attribute picked by a filter ({@code emails[type eq "work"].value}).
 * Table and column names are plain SQL identifiers (letters, digits, {@code _}; a table may be
 * qualified by its schema); they are checked here and against the database when the stores open
 * ({@link SqlMappingStores#open}).
 */
public final class SqlMapping {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

    /** What the store does with an attribute that has no column and no JSON column to go to. */
    public enum Unmapped {
        /**
         * A create or replace that carries such an attribute fails with 400 {@code invalidValue}
         * naming it, and nothing is stored (the default without a {@link SqlMapping#json} column).
         */
        REFUSE_AT_REQUEST,
        /**
         * The stores refuse to open unless every attribute a client may write (RFC 7643 §7,
         * {@code mutability} other than {@code readOnly}) of the resource type and its extensions
         * has a column.
         */
        REFUSE_AT_START
    }

    /** Optional columns of the table, each with its role. */
    enum Role {
        TENANT, VERSION, CREATED, LAST_MODIFIED, JSON, SOFT_DELETE
    }

    /** One attribute path and its column. */
    record AttributeColumn(String path, String column, @Nullable ValueConverter converter) {
    }

    /** The membership table of groups: one row per (group, member). */
    record Members(String table, String groupColumn, String memberColumn) {
    }

    private final String resourceType;
    private final String table;
    private final String idColumn;
    private final IdType idType;
    private final List<AttributeColumn> attributes;
    private final Map<Role, String> columns;
    private final Unmapped unmapped;
    private final @Nullable Members members;

    private SqlMapping(String resourceType, String table, String idColumn, IdType idType,
            List<AttributeColumn> attributes, Map<Role, String> columns, Unmapped unmapped, @Nullable Members members) {
        this.resourceType = resourceType;
        this.table = table;
        this.idColumn = idColumn;
        this.idType = idType;
        this.attributes = List.copyOf(attributes);
        this.columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
        this.unmapped = unmapped;
        this.members = members;
    }

    /** Users (resource type {@code User}) over this table; the id is the column {@code id}, a {@link IdType#LONG}. */
    public static SqlMapping users(String table) {
        return new SqlMapping("User", table(table), "id", IdType.LONG, List.of(), Map.of(), Unmapped.REFUSE_AT_REQUEST, null);
    }

    /** Groups (resource type {@code Group}) over this table; the id is the column {@code id}, a {@link IdType#LONG}. */
    public static SqlMapping groups(String table) {
        return new SqlMapping("Group", table(table), "id", IdType.LONG, List.of(), Map.of(), Unmapped.REFUSE_AT_REQUEST, null);
    }

    /** The primary key column, served as the SCIM {@code id} (RFC 7643 §3.1), and its type. */
    public SqlMapping id(String column, IdType type) {
        return new SqlMapping(resourceType, table, identifier(column), Objects.requireNonNull(type, "type"), attributes,
                columns, unmapped, members);
    }

    /** The attribute at this path is kept in this column, as its own type. */
    public SqlMapping attribute(String path, String column) {
        return attribute(new AttributeColumn(Objects.requireNonNull(path, "path"), identifier(column), null));
    }

    /** The attribute at this path is kept in this column, converted. */
    public SqlMapping attribute(String path, String column, ValueConverter converter) {
        return attribute(new AttributeColumn(Objects.requireNonNull(path, "path"), identifier(column),
                Objects.requireNonNull(converter, "converter")));
    }

    private SqlMapping attribute(AttributeColumn column) {
        List<AttributeColumn> all = new ArrayList<>(attributes);
        all.add(column);
        return new SqlMapping(resourceType, table, idColumn, idType, all, columns, unmapped, members);
    }

    /**
     * The column naming the tenant of each row ({@code StoreContext.tenant()}): every statement is
     * limited to the caller's tenant, and unique indexes should start with it. Without one the
     * table holds a single tenant: open one pair of stores per tenant schema.
     */
    public SqlMapping tenant(String column) {
        return with(Role.TENANT, column);
    }

    /**
     * A numeric column counted up on every write: {@code meta.version} is {@code W/"<n>"}
     * (RFC 7644 §3.14). Without one a User's version is computed from the row's mapped values (a write that
     * changes nothing keeps it); a Group needs one, since a change of members changes no column of its row.
     */
    public SqlMapping version(String column) {
        return with(Role.VERSION, column);
    }

    /** The timestamp column of {@code meta.created}. */
    public SqlMapping created(String column) {
        return with(Role.CREATED, column);
    }

    /** The timestamp column of {@code meta.lastModified}, set on every write. */
    public SqlMapping lastModified(String column) {
        return with(Role.LAST_MODIFIED, column);
    }

    /**
     * A text column holding, as one JSON object, every attribute that has no column of its own
     * ({@link io.scimkit.core.codec.JsonColumn}), so that nothing a client sends is lost.
     */
    public SqlMapping json(String column) {
        return with(Role.JSON, column);
    }

    /**
     * Deletes are soft: instead of deleting the row, the store sets this column (a timestamp column
     * to the request time, a boolean column to {@code true}), and rows where it is set are gone
     * for SCIM (RFC 7644 §3.6: a deleted resource is 404 from then on). Unique indexes should then
     * be partial ({@code WHERE deleted_at IS NULL}) so the name is free again.
     */
    public SqlMapping softDelete(String column) {
        return with(Role.SOFT_DELETE, column);
    }

    /** What to do with attributes without a column when there is no {@link #json} column. */
    public SqlMapping unmapped(Unmapped policy) {
        return new SqlMapping(resourceType, table, idColumn, idType, attributes, columns,
                Objects.requireNonNull(policy, "policy"), members);
    }

    /**
     * Groups only: the table of memberships, one row per member, with the group's id and the
     * member's (a user's) id. Member changes are single statements on it.
     */
    public SqlMapping members(String table, String groupColumn, String memberColumn) {
        if (!resourceType.equals("Group")) {
            throw new IllegalArgumentException("only a Group mapping has members");
        }
        return new SqlMapping(resourceType, this.table, idColumn, idType, attributes, columns, unmapped,
                new Members(table(table), identifier(groupColumn), identifier(memberColumn)));
    }

    private SqlMapping with(Role role, String column) {
        Map<Role, String> all = new EnumMap<>(Role.class);
        all.putAll(columns);
        all.put(role, identifier(column));
        return new SqlMapping(resourceType, table, idColumn, idType, attributes, all, unmapped, members);
    }

    String resourceType() {
        return resourceType;
    }

    String table() {
        return table;
    }

    String idColumn() {
        return idColumn;
    }

    IdType idType() {
        return idType;
    }

    List<AttributeColumn> attributes() {
        return attributes;
    }

    @Nullable String column(Role role) {
        return columns.get(role);
    }

    Unmapped unmapped() {
        return unmapped;
    }

    @Nullable Members members() {
        return members;
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL column name: " + name);
        }
        return name;
    }

    private static String table(String name) {
        if (name == null || !TABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL table name: " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return "SqlMapping[" + resourceType + " <- " + table + ", id " + idColumn + " " + idType + ", " + attributes.size()
                + " attributes]";
    }
}
