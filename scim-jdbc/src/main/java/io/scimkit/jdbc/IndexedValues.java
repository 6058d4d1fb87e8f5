package io.scimkit.jdbc;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.jdbc.internal.query.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The column values of one resource body: what the indexes and the filter compiler see. Text
 * that is not caseExact is kept twice: the uniqueness key ({@link IndexKey#fold}, exactly the
 * in-memory store's key: case and Unicode compatibility forms folded) and the plain case fold the
 * filter compares ({@link IndexKey#caseFold}).
 * Only values of the attribute's own type are indexed, as the evaluator only matches those.
 */
record IndexedValues(@Nullable String userNameKey, @Nullable String userNameFold, @Nullable String displayName,
        @Nullable String displayNameKey, @Nullable String displayNameFold, @Nullable String externalId,
        @Nullable String externalIdUnique, @Nullable Boolean active, List<EmailRow> emails) {

    /** The longest text a key column holds (fits a PostgreSQL b-tree entry in any encoding). */
    static final int MAX_KEY_LENGTH = 600;

    /** One element of {@code emails}. */
    record EmailRow(@Nullable String valueFold, @Nullable String typeFold, @Nullable Boolean primary) {
    }

    /**
     * The values of a body.
     *
     * @throws ScimException {@code invalidValue} if an indexed value is longer than {@value #MAX_KEY_LENGTH}
     */
    static IndexedValues of(ResourceKind kind, ComplexValue body, boolean uniqueExternalId) {
        String externalId = checked("externalId", text(body.getOrNull("externalId")));
        String userName = kind == ResourceKind.USER ? checked("userName", text(body.getOrNull("userName"))) : null;
        String displayName = kind == ResourceKind.GROUP
                ? checked("displayName", text(body.getOrNull("displayName"))) : null;
        Boolean active = kind == ResourceKind.USER && body.getOrNull("active") instanceof BooleanValue flag
                ? flag.value() : null;
        List<EmailRow> emails = kind == ResourceKind.USER ? emails(body.getOrNull("emails")) : List.of();
        return new IndexedValues(key(userName), fold(userName), displayName, key(displayName), fold(displayName),
                externalId, uniqueExternalId ? externalId : null, active, emails);
    }

    private static List<EmailRow> emails(@Nullable ScimValue value) {
        List<EmailRow> rows = new ArrayList<>();
        if (value == null) {
            return rows;
        }
        List<ScimValue> elements = value instanceof MultiValue multi ? multi.values() : List.of(value);
        for (ScimValue element : elements) {
            if (element instanceof ComplexValue email) {
                Boolean primary = email.getOrNull("primary") instanceof BooleanValue flag ? flag.value() : null;
                rows.add(new EmailRow(fold(checked("emails.value", text(email.getOrNull("value")))),
                        fold(checked("emails.type", text(email.getOrNull("type")))), primary));
            }
        }
        return rows;
    }

    static @Nullable String text(@Nullable ScimValue value) {
        if (value instanceof StringValue string) {
            return string.value();
        }
        return value instanceof ReferenceValue reference ? reference.uri() : null;
    }

    private static @Nullable String checked(String attribute, @Nullable String value) {
        if (value != null && value.length() > MAX_KEY_LENGTH) {
            throw ScimException.invalidValue("'" + attribute + "' is longer than the " + MAX_KEY_LENGTH
                    + " characters this store indexes");
        }
        return value;
    }

    private static @Nullable String key(@Nullable String value) {
        // NFKC may lengthen a value (a ligature becomes two letters): the key is checked too.
        return value == null ? null : checked("a unique attribute", IndexKey.fold(value));
    }

    private static @Nullable String fold(@Nullable String value) {
        return value == null ? null : IndexKey.caseFold(value);
    }
}
