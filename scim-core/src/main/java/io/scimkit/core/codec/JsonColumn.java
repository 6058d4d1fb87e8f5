package io.scimkit.core.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DateTimeValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The "everything else" column of a table that was not designed for SCIM: the attributes of a
 * resource (RFC 7643 §3) that have no column of their own, as one JSON text, so that a store over
 * an existing schema gives back every attribute it was handed.
 *
 * <p>A {@code JsonColumn} is made for one resource type and the attribute paths that have their own
 * columns: RFC 7644 §3.10 paths such as {@code "userName"}, {@code "name.givenName"}, an extension
 * attribute such as {@code "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"}
 * or a whole multi-valued attribute such as {@code "emails"}, and, as in Entra ID's attribute
 * mappings, one value of a multi-valued attribute picked by a filter:
 * {@code emails[type eq "work"].value}. Then:
 *
 * <ul>
 *   <li>{@link #write} gives the JSON of every member of the resource except {@code id},
 *       {@code meta} and {@code members} (the store keeps those itself) and the column paths: a
 *       sub-attribute path removes only that sub-attribute, and a complex attribute or extension
 *       object left empty disappears. When nothing is left it gives {@code null}, so the column can
 *       stay SQL {@code NULL}. {@code schemas} is kept unless it is one of the column paths (the
 *       core fills it in from the resource type when a store returns none).
 *   <li>{@link #values} gives the column values of a resource as plain Java values, in the order of
 *       the paths, ready to bind as JDBC parameters.
 *   <li>{@link #read(String, Object...)} turns the JSON and the column values back into the
 *       resource. The columns win over the JSON, so the application may change them directly.
 * </ul>
 *
 * <pre>{@code
 * JsonColumn json = JsonColumn.of(registry, "User",
 *         "userName", "name.givenName", "active", "emails[type eq \"work\"].value");
 * // INSERT INTO employees (login, first_name, enabled, email, scim) VALUES (?, ?, ?, ?, ?)
 * List<Object> row = json.values(user);  // [login, first name or null, Boolean or null, work email or null]
 * row.add(json.write(user));               // the rest, e.g. {"schemas":[...],"title":"Tour Guide"}
 * // SELECT login, first_name, enabled, email, scim FROM employees WHERE id = ?
 * ScimResource stored = json.read(rs.getString("scim"),
 *         rs.getString("login"), rs.getString("first_name"), rs.getObject("enabled"), rs.getString("email"));
 * }</pre>
 *
 * <p>Plain values map to SCIM values by the attribute's type (RFC 7643 §2.3): {@code String} for
 * string, reference and binary (base64 text) attributes, {@code Boolean}, {@code Long} for
 * integers, {@code BigDecimal} for decimals, {@code Instant} for dateTime; a complex or
 * multi-valued value stays a {@link ScimValue}. Reading also accepts an {@code Integer} or
 * {@code Short} for an integer, any {@code Number} for a decimal, an {@code OffsetDateTime} for a
 * dateTime (what JDBC 4.2 reads from {@code TIMESTAMP WITH TIME ZONE}), and a {@code ScimValue}
 * as it is.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonColumn {
    private static final List<String> STORE_OWNED = List.of("id", "meta", "members");
    private final ResourceCodec codec;
    private final ResourceType type;
    private final List<Column> columns;

    /**
     * A column path, resolved: the attribute (with the sub-attribute the column holds), and for a
     * filtered path the sub-attribute and literal that pick the element.
     */
    private record Column(ResolvedAttribute path, @Nullable AttributeDefinition by, @Nullable String literal) {
        boolean matches(ScimValue element) {
            return element instanceof ComplexValue complex && by != null && literal != null
                    && plain(complex.getOrNull(by.name())) instanceof String value
                    && (by.caseExact() ? value.equals(literal) : value.equalsIgnoreCase(literal));
        }

        @Override
        public String toString() {
            AttributePath canonical = path.canonicalPath();
            return by == null ? canonical.toString()
                    : canonical.parent() + "[" + by.name() + " eq \"" + literal + "\"]." + canonical.subAttribute();
        }
    }

    private JsonColumn(ResourceCodec codec, ResourceType type, List<Column> columns) {
        this.codec = codec;
        this.type = type;
        this.columns = columns;
    }

    /**
     * A JSON column for a resource type whose attributes at these paths have columns of their own.
     *
     * @param resourceType a resource type name of the registry, e.g. {@code "User"}
     * @param columnPaths attribute paths, matched without regard to case: an attribute, a
     *     sub-attribute of a singular complex attribute, or one sub-attribute of the first element
     *     of a multi-valued attribute that has a string sub-attribute equal to a literal
     *     ({@code emails[type eq "work"].value}, compared as the sub-attribute's {@code caseExact}
     *     says; the literal holds no {@code "} or {@code \})
     * @throws IllegalArgumentException for an unknown resource type, a path it does not have, or a
     *     sub-attribute of a multi-valued attribute without a filter (that names many values)
     */
    public static JsonColumn of(SchemaRegistry registry, String resourceType, String... columnPaths) {
        Objects.requireNonNull(registry, "registry");
        ResourceType type = registry.resourceType(resourceType)
                .orElseThrow(() -> new IllegalArgumentException("no resource type " + resourceType));
        List<Column> columns = new ArrayList<>();
        for (String path : columnPaths) {
            ColumnPath parsed = ColumnPath.parse(path);
            boolean isFiltered = parsed.filtered();
            ResolvedAttribute column = resolve(registry, type, parsed.valuePath());
            String filterPath = parsed.filterPath();
            AttributeDefinition by = filterPath == null ? null : resolve(registry, type, filterPath).leaf();
            if (column.subAttribute() != null && column.attribute().multiValued() != isFiltered) {
                throw new IllegalArgumentException(path + (isFiltered ? ": only a multi-valued attribute has values to pick"
                        : " names a sub-attribute of every value of a multi-valued attribute; pick one with a filter"));
            }
            columns.add(new Column(column, by, parsed.literal()));
        }
        return new JsonColumn(ResourceCodec.of(registry), type, List.copyOf(columns));
    }

    private static ResolvedAttribute resolve(SchemaRegistry registry, ResourceType type, String path) {
        return registry.resolve(type, AttributePath.parse(path))
                .orElseThrow(() -> new IllegalArgumentException(type.name() + " has no attribute " + path));
    }

    /**
     * The JSON text of every member of the resource but {@code id}, {@code meta}, {@code members}
     * and the column paths, or {@code null} when nothing is left. For a filtered path only the
     * sub-attribute leaves: the element keeps its other sub-attributes (such as {@code primary}).
     */
    public @Nullable String write(ScimResource resource) {
        ComplexValue rest = resource.body();
        for (String owned : STORE_OWNED) {
            rest = rest.without(owned);
        }
        for (Column column : columns) {
            rest = put(rest, column, null, false);
        }
        return rest.isUnassigned() ? null : new String(codec.write(ScimResource.of(rest)), UTF_8);
    }

    /**
     * The resource the JSON text holds; an empty resource for {@code null} or blank text.
     *
     * @throws io.scimkit.core.error.ScimException {@code invalidSyntax} if the text is not one JSON object
     */
    public ScimResource read(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return ScimResource.of(ComplexValue.EMPTY);
        }
        return codec.read(json.getBytes(UTF_8), type);
    }

    /**
     * The resource the JSON text holds, with the column values put at the column paths: one value
     * per path, in the order the paths were given. The columns win: {@code null} leaves the
     * attribute unassigned even if the text has a value there (for a filtered path: removes the
     * element the filter picks); a value for a filtered path goes into the element the filter
     * picks, or into a new last element holding the filter's literal.
     *
     * @throws IllegalArgumentException if the number of values is not the number of paths, or a
     *     value's Java type does not fit its attribute
     */
    public ScimResource read(@Nullable String json, @Nullable Object... columnValues) {
        if (columnValues.length != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " column values expected, got " + columnValues.length);
        }
        ComplexValue body = read(json).body();
        for (int i = 0; i < columnValues.length; i++) {
            Object value = columnValues[i];
            Column column = columns.get(i);
            body = put(body, column, value == null ? null : scimValue(column.path().leaf(), value), true);
        }
        return ScimResource.of(body);
    }

    /**
     * The values of the resource at the column paths, in their order, as plain Java values
     * ({@code null} where unassigned): a new list the caller may add to.
     */
    public List<@Nullable Object> values(ScimResource resource) {
        List<@Nullable Object> values = new ArrayList<>(columns.size());
        for (Column column : columns) {
            values.add(plain(get(resource.body(), column)));
        }
        return values;
    }

    /** The column paths in canonical spelling, in order. */
    public List<String> columnPaths() {
        return columns.stream().map(Column::toString).toList();
    }

    private static @Nullable ScimValue get(ComplexValue body, Column column) {
        ResolvedAttribute path = column.path();
        ScimValue holder = path.extensionUrn() == null ? body : body.getOrNull(path.extensionUrn());
        ScimValue value = holder instanceof ComplexValue complex ? complex.getOrNull(path.attribute().name()) : null;
        if (column.by() != null) {
            value = value instanceof MultiValue multi ? multi.values().stream().filter(column::matches).findFirst().orElse(null) : null;
        }
        if (path.subAttribute() != null) {
            value = value instanceof ComplexValue complex ? complex.getOrNull(path.subAttribute().name()) : null;
        }
        return value;
    }

    /**
     * The body with the column's value set, or removed when {@code value} is null (dropping emptied
     * parents; for a filtered path, the picked element itself when {@code dropElement}).
     */
    private static ComplexValue put(ComplexValue body, Column column, @Nullable ScimValue value, boolean dropElement) {
        String urn = column.path().extensionUrn();
        if (urn == null) {
            return putAttribute(body, column, value, dropElement);
        }
        ComplexValue extension = body.getOrNull(urn) instanceof ComplexValue complex ? complex : ComplexValue.EMPTY;
        return replace(body, urn, putAttribute(extension, column, value, dropElement));
    }

    private static ComplexValue putAttribute(ComplexValue holder, Column column, @Nullable ScimValue value,
            boolean dropElement) {
        String name = column.path().attribute().name();
        AttributeDefinition sub = column.path().subAttribute();
        if (sub == null) {
            return value == null ? holder.without(name) : holder.with(name, value);
        }
        if (column.by() != null) {
            return putElement(holder, column, value, dropElement);
        }
        if (!(holder.getOrNull(name) instanceof ComplexValue parent)) {
            // Nothing to remove, or a malformed value that is not ours to judge: keep it.
            return value == null ? holder : holder.with(name, ComplexValue.EMPTY.with(sub.name(), value));
        }
        return replace(holder, name, value == null ? parent.without(sub.name()) : parent.with(sub.name(), value));
    }

    private static ComplexValue putElement(ComplexValue holder, Column column, @Nullable ScimValue value,
            boolean dropElement) {
        String name = column.path().attribute().name();
        String sub = Objects.requireNonNull(column.path().subAttribute()).name();
        ScimValue current = holder.getOrNull(name);
        if (current != null && !(current instanceof MultiValue) && !(current instanceof NullValue)) {
            return holder; // a malformed value that is not ours to judge
        }
        List<ScimValue> elements = new ArrayList<>(current instanceof MultiValue multi ? multi.values() : List.of());
        int index = 0;
        while (index < elements.size() && !column.matches(elements.get(index))) {
            index++;
        }
        if (value != null) {
            ComplexValue element = index < elements.size() ? (ComplexValue) elements.get(index)
                    : ComplexValue.EMPTY.with(Objects.requireNonNull(column.by()).name(),
                            StringValue.of(Objects.requireNonNull(column.literal())));
            if (index == elements.size()) {
                elements.add(element);
            }
            elements.set(index, element.with(sub, value));
        } else if (index < elements.size()) {
            if (dropElement) {
                elements.remove(index);
            } else {
                elements.set(index, ((ComplexValue) elements.get(index)).without(sub));
            }
        }
        return elements.isEmpty() ? holder.without(name) : holder.with(name, MultiValue.of(elements));
    }

    private static ComplexValue replace(ComplexValue holder, String name, ComplexValue value) {
        return value.isUnassigned() ? holder.without(name) : holder.with(name, value);
    }

    private static @Nullable Object plain(@Nullable ScimValue value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof StringValue string) {
            return string.value();
        }
        if (value instanceof ReferenceValue reference) {
            return reference.uri();
        }
        if (value instanceof BooleanValue bool) {
            return bool.value();
        }
        if (value instanceof IntegerValue integer) {
            return integer.value();
        }
        if (value instanceof DecimalValue decimal) {
            return decimal.value();
        }
        if (value instanceof DateTimeValue dateTime) {
            return dateTime.instant();
        }
        return value instanceof BinaryValue binary ? binary.base64() : value;
    }

    private static ScimValue scimValue(AttributeDefinition definition, Object value) {
        if (value instanceof ScimValue scim) {
            return scim;
        }
        ScimValue converted = switch (definition.type()) {
            case STRING -> value instanceof String text ? StringValue.of(text) : null;
            case REFERENCE -> value instanceof String text ? ReferenceValue.of(text) : null;
            case BINARY -> value instanceof String text ? BinaryValue.of(text) : null;
            case BOOLEAN -> value instanceof Boolean bool ? BooleanValue.of(bool) : null;
            case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
                    ? IntegerValue.of(((Number) value).longValue()) : null;
            case DECIMAL -> value instanceof Number number ? DecimalValue.of(decimal(number)) : null;
            case DATE_TIME -> dateTime(value);
            case COMPLEX -> null;
        };
        if (converted == null) {
            throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " is no value of the "
                    + definition.type() + " attribute " + definition.name());
        }
        return converted;
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    private static @Nullable ScimValue dateTime(Object value) {
        if (value instanceof Instant instant) {
            return DateTimeValue.of(instant);
        }
        return value instanceof OffsetDateTime offset ? DateTimeValue.of(offset.toInstant()) : null;
    }

    @Override
    public String toString() {
        return "JsonColumn[" + type.name() + ", columns " + columnPaths() + "]";
    }
}
