package io.scimkit.core.protocol;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How a circular {@code bulkId} reference is resolved (RFC 7644 §3.7.1): the
 * POST that closes the cycle is sent without the attribute values that still reference resources
 * not created yet, and those values are added afterwards by a PATCH, once every resource of the
 * cycle exists. This is the RFC's own example: group A is created without member B, B is created
 * with member A, then B is added to A.
 *
 * <p>Elements of a multi-valued attribute that hold such a reference are held back one by one; a
 * singular attribute that holds one is held back whole. Extension objects are split attribute by
 * attribute, so the PATCH paths are URN-qualified ({@code urn:…:enterprise:2.0:User:manager}).
 *
 * @param stripped the body to create the resource with
 * @param patchOperations the PATCH operations ({@code add}, with path and the held-back value)
 *     that complete it; empty if nothing was held back
 */
record BulkDeferral(ComplexValue stripped, List<ComplexValue> patchOperations) {
    BulkDeferral {
        patchOperations = List.copyOf(patchOperations);
    }

    /** Splits a body: values that reference an unsettled bulkId go into the PATCH. */
    static BulkDeferral split(ComplexValue data, Predicate<String> unsettled) {
        List<ComplexValue> operations = new ArrayList<>();
        ComplexValue stripped = split(data, "", unsettled, operations);
        return new BulkDeferral(stripped, operations);
    }

    private static ComplexValue split(ComplexValue object, String prefix, Predicate<String> unsettled,
            List<ComplexValue> operations) {
        ComplexValue.Builder kept = ComplexValue.builder();
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            String name = member.getKey();
            ScimValue value = member.getValue();
            if (!refersTo(value, unsettled)) {
                kept.put(name, value);
            } else if (prefix.isEmpty() && isUrn(name) && value instanceof ComplexValue extension) {
                kept.put(name, split(extension, name + ":", unsettled, operations));
            } else if (value instanceof MultiValue multi) {
                List<ScimValue> now = new ArrayList<>();
                List<ScimValue> later = new ArrayList<>();
                multi.values().forEach(element -> (refersTo(element, unsettled) ? later : now).add(element));
                kept.put(name, MultiValue.of(now));
                operations.add(add(prefix + name, MultiValue.of(later)));
            } else {
                operations.add(add(prefix + name, value));
            }
        }
        return kept.build();
    }

    private static boolean refersTo(ScimValue value, Predicate<String> unsettled) {
        return BulkReferences.in(value).stream().anyMatch(unsettled);
    }

    private static boolean isUrn(String name) {
        return name.regionMatches(true, 0, "urn:", 0, 4);
    }

    private static ComplexValue add(String path, ScimValue value) {
        return ComplexValue.builder().put("op", StringValue.of("add")).put("path", StringValue.of(path))
                .put("value", value).build();
    }
}
