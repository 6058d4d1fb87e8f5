package io.scimkit.jdbc.internal.query;

import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.ResolvedAttribute;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A column an attribute is indexed in: the store's answer to "can SQL see this attribute?".
 *
 * @param name the qualified column ({@code r.user_name_fold}, {@code e.value_fold})
 * @param type how the column compares
 * @param folded whether the column holds the case fold of the value ({@code IndexKey.caseFold}),
 *     for attributes that are not caseExact
 * @param uniqueKey the column of the uniqueness key ({@code IndexKey.fold}) when there is one; an
 *     {@code eq} adds it to the predicate so the unique index answers the lookup
 * @param child the child table the column lives in, or {@code null} for the resource table
 */
record Column(String name, Type type, boolean folded, @Nullable String uniqueKey, @Nullable ChildTable child) {

    /** How a column compares. */
    enum Type {
        /** Text: {@code string} attributes. */
        TEXT,
        /** {@code boolean} attributes. */
        BOOLEAN,
        /** {@code dateTime} attributes, as {@code TIMESTAMP WITH TIME ZONE} (microseconds). */
        DATE_TIME
    }

    /**
     * The column of a resolved attribute, if the store keeps one whose semantics match the
     * attribute's definition exactly (type, caseExact, singular) in the registry at hand.
     */
    static Optional<Column> of(ResourceKind kind, ResolvedAttribute resolved) {
        if (resolved.extensionUrn() != null) {
            return Optional.empty();
        }
        String attribute = resolved.attribute().name();
        String sub = resolved.subAttribute() == null ? null : resolved.subAttribute().name();
        Column column = candidate(kind, attribute, sub);
        if (column == null) {
            return Optional.empty();
        }
        AttributeDefinition leaf = resolved.leaf();
        if (leaf.isComplex()) {
            // A complex attribute compared without a sub-attribute compares its 'value', as the evaluator does.
            leaf = leaf.subAttribute("value").orElse(null);
            if (leaf == null) {
                return Optional.empty();
            }
        }
        boolean singular = column.child != null || !resolved.attribute().multiValued() && !leaf.multiValued();
        boolean typeFits = switch (column.type) {
            case TEXT -> leaf.type() == AttributeType.STRING && leaf.caseExact() != column.folded;
            case BOOLEAN -> leaf.type() == AttributeType.BOOLEAN;
            case DATE_TIME -> leaf.type() == AttributeType.DATE_TIME;
        };
        return singular && typeFits ? Optional.of(column) : Optional.empty();
    }

    private static @Nullable Column candidate(ResourceKind kind, String attribute, @Nullable String sub) {
        String name = attribute.toLowerCase(java.util.Locale.ROOT);
        String subName = sub == null ? null : sub.toLowerCase(java.util.Locale.ROOT);
        if (subName == null) {
            switch (name) {
                case "id":
                    return new Column("r.id", Type.TEXT, false, null, null);
                case "externalid":
                    return new Column("r.external_id", Type.TEXT, false, null, null);
                default:
                    break;
            }
        }
        if (name.equals("meta") && subName != null) {
            if (subName.equals("created")) {
                return new Column("r.created", Type.DATE_TIME, false, null, null);
            }
            if (subName.equals("lastmodified")) {
                return new Column("r.last_modified", Type.DATE_TIME, false, null, null);
            }
            return null;
        }
        if (kind == ResourceKind.USER) {
            if (subName == null && name.equals("username")) {
                return new Column("r.user_name_fold", Type.TEXT, true, "r.user_name_key", null);
            }
            if (subName == null && name.equals("active")) {
                return new Column("r.active", Type.BOOLEAN, false, null, null);
            }
            if (name.equals("emails")) {
                if (subName == null || subName.equals("value")) {
                    return new Column("e.value_fold", Type.TEXT, true, null, ChildTable.EMAIL);
                }
                if (subName.equals("type")) {
                    return new Column("e.type_fold", Type.TEXT, true, null, ChildTable.EMAIL);
                }
                return subName.equals("primary") ? new Column("e.is_primary", Type.BOOLEAN, false, null, ChildTable.EMAIL)
                        : null;
            }
        }
        if (kind == ResourceKind.GROUP) {
            if (subName == null && name.equals("displayname")) {
                return new Column("r.display_name_fold", Type.TEXT, true, "r.display_name_key", null);
            }
            if (name.equals("members") && (subName == null || subName.equals("value"))) {
                return new Column("m.member_key", Type.TEXT, true, null, ChildTable.MEMBER);
            }
        }
        return null;
    }
}
