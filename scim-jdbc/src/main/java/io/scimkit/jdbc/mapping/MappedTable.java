package io.scimkit.jdbc.mapping;

import io.scimkit.core.codec.JsonColumn;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.store.Versions;
import io.scimkit.jdbc.internal.query.SqlFragment;
import io.scimkit.jdbc.mapping.SqlMapping.Role;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A mapping checked against the registry and the database: the resolved attribute of every
 * column, the kind of every column, and how rows are read into resources and resources into
 * column values. Immutable.
 */
final class MappedTable {

    /**
     * One mapped attribute.
     *
     * @param attribute the resolved attribute (with the sub-attribute the column holds)
     * @param by for a filtered path ({@code emails[type eq "work"].value}), the sub-attribute that picks the element
     * @param literal for a filtered path, the value of {@code by} that picks it
     */
    record Field(String column, ResolvedAttribute attribute, @Nullable String by, @Nullable String literal,
            ColumnKind kind, @Nullable ValueConverter converter) {
    }

    private final SqlMapping mapping;
    private final ResourceType type;
    private final List<Field> fields;
    private final Map<String, ColumnKind> kinds;
    private final JsonColumn codec;
    private final String selectList;
    private final TimeOrderedIds ids = new TimeOrderedIds();

    MappedTable(SqlMapping mapping, ResourceType type, List<Field> fields, Map<String, ColumnKind> kinds,
            JsonColumn codec) {
        this.mapping = mapping;
        this.type = type;
        this.fields = List.copyOf(fields);
        this.kinds = Map.copyOf(kinds);
        this.codec = codec;
        List<String> select = new ArrayList<>();
        select.add(mapping.idColumn());
        for (Role role : List.of(Role.VERSION, Role.CREATED, Role.LAST_MODIFIED, Role.JSON)) {
            if (mapping.column(role) != null) {
                select.add(mapping.column(role));
            }
        }
        this.fields.forEach(field -> select.add(field.column()));
        this.selectList = "r." + String.join(", r.", select);
    }

    SqlMapping mapping() {
        return mapping;
    }

    ResourceType type() {
        return type;
    }

    List<Field> fields() {
        return fields;
    }

    String table() {
        return mapping.table();
    }

    String id() {
        return mapping.idColumn();
    }

    @Nullable String column(Role role) {
        return mapping.column(role);
    }

    ColumnKind kind(String column) {
        return kinds.getOrDefault(column, ColumnKind.OTHER);
    }

    /** The columns every read selects, qualified with {@code r}, in the order {@link #read} reads them. */
    String selectList() {
        return selectList;
    }

    /** The field holding this attribute (not a filtered path), if any. */
    @Nullable Field field(ResolvedAttribute attribute) {
        for (Field field : fields) {
            if (field.by() == null && field.attribute().canonicalPath().equals(attribute.canonicalPath())) {
                return field;
            }
        }
        return null;
    }

    /** The field of the displayName of a group or the userName of a user. */
    Field nameField() {
        String name = type.name().equals("Group") ? "displayName" : "userName";
        return fields.stream().filter(f -> f.by() == null && f.attribute().subAttribute() == null
                && f.attribute().extensionUrn() == null && f.attribute().attribute().name().equals(name))
                .findFirst().orElseThrow();
    }

    /**
     * The rows of the caller's tenant that SCIM sees, with the table under this alias: the tenant
     * condition and, with soft deletes, that the row is not deleted.
     */
    SqlFragment visible(String alias, String tenant) {
        SqlFragment where = SqlFragment.of("1 = 1");
        String tenantColumn = mapping.column(Role.TENANT);
        if (tenantColumn != null) {
            where = SqlFragment.of(alias + "." + tenantColumn + " = ?", tenant);
        }
        String deleted = mapping.column(Role.SOFT_DELETE);
        if (deleted != null) {
            where = where.and(SqlFragment.of(kind(deleted) == ColumnKind.BOOLEAN
                    ? "(" + alias + "." + deleted + " IS NULL OR " + alias + "." + deleted + " = FALSE)"
                    : alias + "." + deleted + " IS NULL"));
        }
        return where;
    }

    /** The parameter for an id, or {@code null} when the text is no id of this table. */
    @Nullable Object key(String id) {
        return parameter(mapping.idType().key(id), kind(mapping.idColumn()));
    }

    /** A new store-assigned key, or {@code null} when the database assigns it. */
    @Nullable Object newKey() {
        return mapping.idType() == IdType.LONG ? null
                : parameter(mapping.idType().newKey(ids.next()), kind(mapping.idColumn()));
    }

    /** The column values of a resource for the mapped fields, in order, then its JSON if there is a JSON column. */
    List<@Nullable Object> values(ScimResource resource) {
        List<@Nullable Object> plain = codec.values(resource);
        List<@Nullable Object> values = new ArrayList<>(plain.size() + 1);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Object value = plain.get(i);
            if (value != null && field.converter() != null) {
                value = field.converter().toColumn(value);
            }
            values.add(parameter(value, field.kind()));
        }
        if (mapping.column(Role.JSON) != null) {
            values.add(codec.write(resource));
        }
        return values;
    }

    /** The names of the attributes of a resource (but {@code schemas}) that have no column, if any. */
    List<String> unmapped(ScimResource resource) {
        String rest = codec.write(resource.without("schemas"));
        return rest == null ? List.of() : List.copyOf(codec.read(rest).body().attributes().keySet());
    }

    /** A time as a parameter for a timestamp column of this kind. */
    static Object time(Instant instant, ColumnKind kind) {
        return kind == ColumnKind.TIMESTAMP ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The resource of a row selected with {@link #selectList}. */
    ScimResource read(ResultSet row, String resourceType) throws SQLException {
        int index = 1;
        String id = String.valueOf(row.getObject(index++));
        Long version = null;
        if (mapping.column(Role.VERSION) != null) {
            version = row.getLong(index++);
        }
        Instant created = mapping.column(Role.CREATED) == null ? null : instant(row, index++, Role.CREATED);
        Instant modified = mapping.column(Role.LAST_MODIFIED) == null ? null : instant(row, index++, Role.LAST_MODIFIED);
        String json = mapping.column(Role.JSON) == null ? null : row.getString(index++);
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(row, index++, fields.get(i));
        }
        String tag = version != null ? Versions.weak(version) : computedVersion(id, modified, json, values);
        ScimResource resource = codec.read(json, values);
        return resource.withId(id).withMeta(new Meta(resourceType, created, modified, null, tag));
    }

    private @Nullable Instant instant(ResultSet row, int index, Role role) throws SQLException {
        return instant(row, index, kind(mapping.column(role)));
    }

    private static @Nullable Instant instant(ResultSet row, int index, ColumnKind kind) throws SQLException {
        if (kind == ColumnKind.TIMESTAMP) {
            LocalDateTime local = row.getObject(index, LocalDateTime.class);
            return local == null ? null : local.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static @Nullable Object value(ResultSet row, int index, Field field) throws SQLException {
        if (field.converter() != null) {
            Object raw = row.getObject(index);
            return raw == null ? null : field.converter().fromColumn(raw);
        }
        Object value = switch (field.kind()) {
            case TEXT -> row.getString(index);
            case BOOLEAN -> row.getBoolean(index);
            case INTEGER -> row.getLong(index);
            case DECIMAL -> row.getBigDecimal(index);
            case TIMESTAMP, TIMESTAMP_TZ -> instant(row, index, field.kind());
            case UUID, OTHER -> row.getObject(index) == null ? null : row.getObject(index).toString();
        };
        return row.wasNull() ? null : value;
    }

    /** A weak tag from the row's mapped values, for tables without a version column. */
    private static String computedVersion(String id, @Nullable Instant modified, @Nullable String json, Object[] values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((id + '\u0000' + modified + '\u0000' + json).getBytes(StandardCharsets.UTF_8));
            for (Object value : values) {
                digest.update(('\u0000' + String.valueOf(value)).getBytes(StandardCharsets.UTF_8));
            }
            return Versions.weak(ByteBuffer.wrap(digest.digest()).getLong() & Long.MAX_VALUE);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A value as a parameter for a column of this kind. */
    static @Nullable Object parameter(@Nullable Object value, ColumnKind kind) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return time(instant, kind);
        }
        if (kind == ColumnKind.TEXT && (value instanceof java.util.UUID || value instanceof BigDecimal)) {
            return value.toString();
        }
        return value;
    }

    @Override
    public String toString() {
        return "MappedTable[" + mapping + "]";
    }
}
