package io.scimkit.jdbc.mapping;

import io.scimkit.core.codec.ColumnPath;
import io.scimkit.core.codec.JsonColumn;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.mapping.SqlMapping.AttributeColumn;
import io.scimkit.jdbc.mapping.SqlMapping.Members;
import io.scimkit.jdbc.mapping.SqlMapping.Role;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a mapping against the schema registry and the live database ({@link DatabaseMetaData}):
 * the attributes exist, the tables and columns exist, and each column's type can hold its
 * attribute. Collects every mistake, each naming the attribute and the column, and reports them in
 * one {@link IllegalStateException}.
 */
final class MappingCheck {
    private static final Set<String> STORE_OWNED = Set.of("id", "meta", "members", "schemas", "groups");

    private final List<String> problems = new ArrayList<>();
    private final DatabaseMetaData metadata;
    private final @Nullable String schema;
    private final Map<String, @Nullable Map<String, ColumnKind>> tables = new HashMap<>();

    private MappingCheck(Connection connection) throws SQLException {
        this.metadata = connection.getMetaData();
        this.schema = connection.getSchema();
    }

    /** The checked tables of the user and group mappings; throws with every mistake found. */
    static List<MappedTable> check(Connection connection, SchemaRegistry registry, SqlMapping users,
            SqlMapping groups) throws SQLException {
        MappingCheck check = new MappingCheck(connection);
        MappedTable userTable = check.table(registry, users, "User");
        MappedTable groupTable = check.table(registry, groups, "Group");
        check.members(groups, users);
        if (userTable != null && groupTable != null) {
            check.oneIdSpace(users, groups);
        }
        if (!check.problems.isEmpty()) {
            throw new IllegalStateException("the SQL mapping does not fit the database or the SCIM schema:\n  - "
                    + String.join("\n  - ", check.problems));
        }
        return List.of(userTable, groupTable);
    }

    private @Nullable MappedTable table(SchemaRegistry registry, SqlMapping mapping, String expected) throws SQLException {
        if (!mapping.resourceType().equals(expected)) {
            problems.add("the " + expected + " mapping is SqlMapping." + mapping.resourceType().toLowerCase(Locale.ROOT)
                    + "s(...), not SqlMapping." + expected.toLowerCase(Locale.ROOT) + "s(...)");
            return null;
        }
        ResourceType type = registry.resourceType(expected).orElse(null);
        if (type == null) {
            problems.add("the schema registry has no " + expected + " resource type");
            return null;
        }
        Map<String, ColumnKind> columns = columns(mapping.table());
        if (columns == null) {
            problems.add(expected + "s are mapped to the table " + mapping.table() + ", which does not exist");
            return null;
        }
        Map<String, ColumnKind> kinds = new HashMap<>();
        String where = expected + " ";
        kinds.put(mapping.idColumn(), column(columns, mapping.table(), mapping.idColumn(), where + "id",
                idKinds(mapping.idType())));
        role(columns, mapping, Role.TENANT, kinds, "the tenant", Set.of(ColumnKind.TEXT));
        role(columns, mapping, Role.VERSION, kinds, "meta.version", Set.of(ColumnKind.INTEGER));
        role(columns, mapping, Role.CREATED, kinds, "meta.created", Set.of(ColumnKind.TIMESTAMP_TZ, ColumnKind.TIMESTAMP));
        role(columns, mapping, Role.LAST_MODIFIED, kinds, "meta.lastModified",
                Set.of(ColumnKind.TIMESTAMP_TZ, ColumnKind.TIMESTAMP));
        role(columns, mapping, Role.JSON, kinds, "the attributes without a column (JSON)", Set.of(ColumnKind.TEXT));
        role(columns, mapping, Role.SOFT_DELETE, kinds, "soft deletes",
                Set.of(ColumnKind.TIMESTAMP_TZ, ColumnKind.TIMESTAMP, ColumnKind.BOOLEAN));
        List<MappedTable.Field> fields = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (AttributeColumn attribute : mapping.attributes()) {
            MappedTable.Field field = field(registry, type, mapping, columns, attribute);
            if (field != null) {
                fields.add(field);
                paths.add(attribute.path());
                kinds.put(field.column(), field.kind());
            }
        }
        String name = expected.equals("Group") ? "displayName" : "userName";
        if (mapping.attributes().stream().noneMatch(attribute -> attribute.path().strip().equalsIgnoreCase(name))) {
            problems.add(expected + " attribute " + name + " has no column: map it with .attribute(\"" + name
                    + "\", \"<column>\")");
        }
        if (expected.equals("Group") && mapping.column(Role.VERSION) == null) {
            problems.add("the Group mapping has no version column: a change of members changes no column of the group's"
                    + " row, so its meta.version must be counted (.version(\"<column>\"), RFC 7644 §3.14)");
        }
        if (mapping.unmapped() == SqlMapping.Unmapped.REFUSE_AT_START) {
            if (mapping.column(Role.JSON) != null) {
                problems.add(expected + " mapping has a JSON column and unmapped(REFUSE_AT_START): choose one");
            }
            unmappedAttributes(registry, type, fields);
        }
        JsonColumn codec;
        try {
            codec = JsonColumn.of(registry, expected, paths.toArray(String[]::new));
        } catch (IllegalArgumentException wrong) {
            problems.add(expected + " mapping: " + wrong.getMessage());
            return null;
        }
        return new MappedTable(mapping, type, fields, kinds, codec);
    }

    private MappedTable.@Nullable Field field(SchemaRegistry registry, ResourceType type, SqlMapping mapping,
            Map<String, ColumnKind> columns, AttributeColumn attribute) {
        String what = type.name() + " attribute " + attribute.path();
        ColumnPath parsed = ColumnPath.parse(attribute.path());
        String plainPath = parsed.valuePath();
        ResolvedAttribute resolved;
        try {
            resolved = registry.resolve(type, AttributePath.parse(plainPath)).orElse(null);
        } catch (RuntimeException unreadable) {
            resolved = null;
        }
        if (resolved == null) {
            problems.add(what + " (mapped to " + mapping.table() + "." + attribute.column() + "): the " + type.name()
                    + " resource type has no such attribute");
            return null;
        }
        if (resolved.extensionUrn() == null && STORE_OWNED.contains(resolved.attribute().name())) {
            problems.add(what + " (mapped to " + mapping.table() + "." + attribute.column() + "): the store keeps "
                    + resolved.attribute().name() + " itself; map it with id(...), created(...), members(...)");
            return null;
        }
        if (resolved.leaf().isComplex()) {
            problems.add(what + " (mapped to " + mapping.table() + "." + attribute.column()
                    + "): a complex attribute needs a column per sub-attribute, e.g. " + attribute.path() + "."
                    + resolved.leaf().subAttributes().get(0).name());
            return null;
        }
        Set<ColumnKind> fit = attribute.converter() != null ? Set.of(ColumnKind.values()) : switch (resolved.leaf().type()) {
            case STRING, REFERENCE, BINARY -> Set.of(ColumnKind.TEXT);
            case BOOLEAN -> Set.of(ColumnKind.BOOLEAN);
            case INTEGER -> Set.of(ColumnKind.INTEGER);
            case DECIMAL -> Set.of(ColumnKind.DECIMAL);
            case DATE_TIME -> Set.of(ColumnKind.TIMESTAMP_TZ, ColumnKind.TIMESTAMP);
            case COMPLEX -> Set.of();
        };
        ColumnKind kind = column(columns, mapping.table(), attribute.column(), what, fit);
        if (kind == null) {
            return null;
        }
        return new MappedTable.Field(attribute.column(), resolved, parsed.by(), parsed.literal(), kind,
                attribute.converter());
    }

    private void role(Map<String, ColumnKind> columns, SqlMapping mapping, Role role, Map<String, ColumnKind> kinds,
            String what, Set<ColumnKind> fit) {
        String column = mapping.column(role);
        if (column != null) {
            ColumnKind kind = column(columns, mapping.table(), column, mapping.resourceType() + " " + what, fit);
            if (kind != null) {
                kinds.put(column, kind);
            }
        }
    }

    private void members(SqlMapping groups, SqlMapping users) throws SQLException {
        Members members = groups.members();
        if (members == null) {
            problems.add("the Group mapping has no members table: add .members(\"<table>\", \"<group id column>\","
                    + " \"<member id column>\")");
            return;
        }
        Map<String, ColumnKind> columns = columns(members.table());
        if (columns == null) {
            problems.add("Group members are mapped to the table " + members.table() + ", which does not exist");
            return;
        }
        column(columns, members.table(), members.groupColumn(), "Group members (the group's id)", idKinds(groups.idType()));
        column(columns, members.table(), members.memberColumn(), "Group members (members.value, a User id)",
                idKinds(users.idType()));
    }

    /**
     * Numeric ids of users and groups must come from one sequence: a SCIM id names one resource of
     * the whole service provider (RFC 7643 §3.1), and after a delete the core removes the id from
     * every group, which must not hit a user that has the id of a deleted group.
     */
    private void oneIdSpace(SqlMapping users, SqlMapping groups) throws SQLException {
        if (users.idType() != IdType.LONG || groups.idType() != IdType.LONG) {
            return;
        }
        String userIds = defaultOf(users.table(), users.idColumn());
        String groupIds = defaultOf(groups.table(), groups.idColumn());
        if (userIds == null || !userIds.equalsIgnoreCase(groupIds)) {
            problems.add("User id " + users.table() + "." + users.idColumn() + " and Group id " + groups.table() + "."
                    + groups.idColumn() + " do not draw from one sequence (their defaults are " + userIds + " and "
                    + groupIds + "): a SCIM id names one resource of the whole service, so give both columns the same"
                    + " sequence as default, e.g. DEFAULT nextval('<sequence>'), or use IdType.UUID for one of them");
        }
    }

    private @Nullable String defaultOf(String qualified, String column) throws SQLException {
        int dot = qualified.indexOf('.');
        String tableSchema = dot < 0 ? schema : qualified.substring(0, dot);
        String table = qualified.substring(dot + 1);
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rows = metadata.getColumns(null, tableSchema, name, null)) {
                while (rows.next()) {
                    if (rows.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        String value = rows.getString("COLUMN_DEF");
                        return value == null ? null : value.replace("::regclass", "").strip();
                    }
                }
            }
        }
        return null;
    }

    private void unmappedAttributes(SchemaRegistry registry, ResourceType type, List<MappedTable.Field> fields) {
        Set<String> mapped = new LinkedHashSet<>();
        fields.stream().filter(f -> f.by() == null).forEach(f -> mapped.add(f.attribute().canonicalPath().toString()
                .toLowerCase(Locale.ROOT)));
        List<Schema> schemas = new ArrayList<>();
        schemas.add(registry.baseSchema(type));
        type.schemaExtensions().forEach(extension -> registry.extensionSchema(type, extension.schema())
                .ifPresent(schemas::add));
        for (Schema schema : schemas) {
            String urn = schema.id().equals(type.schema()) ? null : schema.id();
            for (AttributeDefinition attribute : schema.attributes()) {
                if (attribute.mutability() == Mutability.READ_ONLY || (urn == null && STORE_OWNED.contains(attribute.name()))) {
                    continue;
                }
                List<AttributePath> needed = new ArrayList<>();
                if (attribute.isComplex() && !attribute.multiValued()) {
                    attribute.subAttributes().stream().filter(sub -> sub.mutability() != Mutability.READ_ONLY)
                            .forEach(sub -> needed.add(new AttributePath(urn, attribute.name(), sub.name())));
                } else {
                    needed.add(new AttributePath(urn, attribute.name(), null));
                }
                for (AttributePath path : needed) {
                    if (!mapped.contains(path.toString().toLowerCase(Locale.ROOT))) {
                        problems.add(type.name() + " attribute " + path + " has no column and the mapping refuses "
                                + "unmapped attributes at start (map it, or add a JSON column with .json(\"<column>\"))");
                    }
                }
            }
        }
    }

    private static Set<ColumnKind> idKinds(IdType type) {
        return switch (type) {
            case LONG -> Set.of(ColumnKind.INTEGER, ColumnKind.DECIMAL);
            case UUID -> Set.of(ColumnKind.UUID, ColumnKind.TEXT);
            case TEXT -> Set.of(ColumnKind.TEXT);
        };
    }

    /** The kind of the column if it exists and fits; else records the problem and gives {@code null}. */
    private @Nullable ColumnKind column(Map<String, ColumnKind> columns, String table, String column, String what,
            Set<ColumnKind> fit) {
        ColumnKind kind = columns.get(column.toLowerCase(Locale.ROOT));
        if (kind == null) {
            problems.add(what + " is mapped to " + table + "." + column + ", but the table " + table
                    + " has no column " + column);
            return null;
        }
        if (!fit.contains(kind)) {
            problems.add(what + " is mapped to " + table + "." + column + ", a " + kind.name().toLowerCase(Locale.ROOT)
                    + " column, which cannot hold it (it needs " + fit.stream().map(k -> k.name().toLowerCase(Locale.ROOT))
                            .sorted().toList() + (what.contains(" attribute ") ? "; or give a ValueConverter" : "") + ")");
            return null;
        }
        return kind;
    }

    /** The columns of a table, lower-case name to kind, or {@code null} if there is no such table. */
    private @Nullable Map<String, ColumnKind> columns(String qualified) throws SQLException {
        if (tables.containsKey(qualified)) {
            return tables.get(qualified);
        }
        int dot = qualified.indexOf('.');
        String tableSchema = dot < 0 ? schema : qualified.substring(0, dot);
        String table = qualified.substring(dot + 1);
        Map<String, ColumnKind> found = null;
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
            for (String inSchema : tableSchema == null ? java.util.Collections.<String>singletonList(null)
                    : List.of(tableSchema, tableSchema.toLowerCase(Locale.ROOT), tableSchema.toUpperCase(Locale.ROOT))) {
                try (ResultSet rows = metadata.getColumns(null, inSchema, name, null)) {
                    while (rows.next()) {
                        if (found == null) {
                            found = new HashMap<>();
                        }
                        found.put(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                ColumnKind.of(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME")));
                    }
                }
                if (found != null) {
                    tables.put(qualified, found);
                    return found;
                }
            }
        }
        tables.put(qualified, null);
        return null;
    }
}
