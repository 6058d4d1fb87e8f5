package io.scimkit.core.store.memory;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the {@code members} attribute of a group body (RFC 7643 §4.2): elements keyed by their {@code value}. */
final class MemberElements {
    static final String MEMBERS = "members";

    private MemberElements() {
    }

    /** The id ({@code value}) of a member element. */
    static String idOf(ComplexValue element) {
        ScimValue value = element.getOrNull("value");
        String id = value == null ? null : AttributeValues.text(value);
        if (id == null || id.isEmpty()) {
            throw ScimException.invalidValue("every element of 'members' has a non-empty string 'value'");
        }
        return id;
    }

    /**
     * The member elements of a body's {@code members}, or {@code null} if the body has no such
     * attribute.
     *
     * @throws ScimException {@code invalidValue} if an element is not an object with a {@code value}
     */
    static @Nullable List<ComplexValue> of(ComplexValue body) {
        ScimValue members = body.getOrNull(MEMBERS);
        if (members == null) {
            return null;
        }
        List<ComplexValue> elements = new ArrayList<>();
        List<ScimValue> values = members instanceof MultiValue multi ? multi.values() : List.of(members);
        for (ScimValue value : values) {
            if (value.isUnassigned()) {
                continue;
            }
            if (!(value instanceof ComplexValue element)) {
                throw ScimException.invalidValue("'members' holds objects with a 'value'");
            }
            idOf(element);
            elements.add(element);
        }
        return elements;
    }
}
