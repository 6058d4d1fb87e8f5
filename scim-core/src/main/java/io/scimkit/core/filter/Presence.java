package io.scimkit.core.filter;

import io.scimkit.core.value.BinaryValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;

/**
 * What {@code pr} counts as a value (RFC 7644 §3.4.2.2 Table 3, RFC 7643 §2.5): {@code null}, an
 * empty array, an empty string and a complex value without a present sub-attribute are all "no
 * value". The RFC asks for a "non-empty" value without saying whether {@code ""} is one; we treat
 * it as absent, as the validator stores it as unassigned.
 */
final class Presence {
    /** The {@code pr} test for one stored value. */
    static final ValueTest TEST = Presence::isPresent;

    private Presence() {
    }

    static boolean isPresent(ScimValue value) {
        if (value instanceof NullValue) {
            return false;
        }
        if (value instanceof StringValue string) {
            return !string.value().isEmpty();
        }
        if (value instanceof ReferenceValue reference) {
            return !reference.uri().isEmpty();
        }
        if (value instanceof BinaryValue binary) {
            return !binary.base64().isEmpty();
        }
        if (value instanceof MultiValue multi) {
            for (ScimValue element : multi.values()) {
                if (isPresent(element)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof ComplexValue complex) {
            for (ScimValue sub : complex.attributes().values()) {
                if (isPresent(sub)) {
                    return true;
                }
            }
            return false;
        }
        // boolean, integer, decimal and dateTime values are always a value
        return true;
    }
}
