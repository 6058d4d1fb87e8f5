package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import io.scimkit.core.value.internal.StorableText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The string lengths every store can rely on, checked before any write reaches a store
 * ({@link ServiceLimits#MAX_KEY_LENGTH}, {@link ServiceLimits#MAX_MEMBER_TEXT_LENGTH}): a longer
 * value is a 400 {@code invalidValue} (RFC 7644 §3.12) on every store, never a database error.
 * Also: an id that holds U+0000 or an unpaired surrogate ({@link StorableText}) names no resource.
 */
final class StoredStrings {
    private StoredStrings() {
    }

    /**
     * Checks the indexed attributes of a body: {@code userName}, {@code displayName},
     * {@code externalId}, and {@code value} and {@code type} of each {@code emails} element; the first
     * three also in their case-insensitive uniqueness form ({@link IndexKey#fold}), which Unicode
     * compatibility folding can make longer.
     */
    static void checkBody(ComplexValue body) {
        for (String name : List.of("userName", "displayName", "externalId")) {
            String text = text(body.getOrNull(name));
            check(name, text, ServiceLimits.MAX_KEY_LENGTH);
            if (text != null && IndexKey.fold(text).length() > ServiceLimits.MAX_KEY_LENGTH) {
                throw ScimException.invalidValue("'" + name + "' is longer than the " + ServiceLimits.MAX_KEY_LENGTH
                        + " characters the service accepts once case-folded for uniqueness");
            }
        }
        for (ComplexValue email : elements(body.getOrNull("emails"))) {
            check("emails.value", text(email.getOrNull("value")), ServiceLimits.MAX_KEY_LENGTH);
            check("emails.type", text(email.getOrNull("type")), ServiceLimits.MAX_KEY_LENGTH);
        }
    }

    /** Checks the members a write adds: {@code value} and {@code type} as keys, {@code display} and {@code $ref}. */
    static void checkMembers(List<ComplexValue> members) {
        for (ComplexValue member : members) {
            check("members.value", text(member.getOrNull("value")), ServiceLimits.MAX_KEY_LENGTH);
            check("members.type", text(member.getOrNull("type")), ServiceLimits.MAX_KEY_LENGTH);
            check("members.display", text(member.getOrNull("display")), ServiceLimits.MAX_MEMBER_TEXT_LENGTH);
            check("members.$ref", text(member.getOrNull("$ref")), ServiceLimits.MAX_MEMBER_TEXT_LENGTH);
        }
    }

    /** {@link #checkMembers} for the members a change adds. */
    static void checkMembers(MemberChanges changes) {
        checkMembers(changes.added());
    }

    /** Whether a resource could have this id: ids never hold U+0000 or unpaired surrogates. */
    static boolean canName(String id) {
        return StorableText.isStorable(id);
    }

    private static void check(String attribute, @Nullable String text, int limit) {
        if (text != null && text.length() > limit) {
            throw ScimException.invalidValue("'" + attribute + "' is longer than the " + limit
                    + " characters the service accepts");
        }
    }

    private static List<ComplexValue> elements(@Nullable ScimValue value) {
        if (value instanceof ComplexValue single) {
            return List.of(single);
        }
        if (!(value instanceof MultiValue multi)) {
            return List.of();
        }
        return multi.values().stream().filter(ComplexValue.class::isInstance).map(ComplexValue.class::cast).toList();
    }

    private static @Nullable String text(@Nullable ScimValue value) {
        if (value instanceof StringValue string) {
            return string.value();
        }
        return value instanceof ReferenceValue reference ? reference.uri() : null;
    }
}
