package io.scimkit.core.patch.internal;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code schemas} in step with the body (RFC 7643 §3; RFC 7644 §3.5.2, which
 * asks that a PATCH adding an extension attribute also lists the extension):
 * the base schema URN is always there, an extension's URN is listed exactly when its object is
 * present, and other URIs stay as they were. The order of URIs already listed is kept.
 */
public final class SchemasSync {
    /** The name of the common attribute kept here. */
    public static final String SCHEMAS = "schemas";

    private SchemasSync() {
    }

    /** The body with {@code schemas} brought in step; the same body if it already was. */
    public static ComplexValue sync(ComplexValue body, ResourceType type) {
        List<String> listed = ScimResource.of(body).schemas();
        if (inStep(body, type, listed)) {
            return body;
        }
        List<String> result = new ArrayList<>();
        for (String uri : listed) {
            boolean extension = type.extension(uri).isPresent();
            boolean keep = extension ? present(body, uri) : true;
            if (keep && result.stream().noneMatch(uri::equalsIgnoreCase)) {
                result.add(uri.equalsIgnoreCase(type.schema()) ? type.schema() : uri);
            }
        }
        if (result.stream().noneMatch(type.schema()::equalsIgnoreCase)) {
            result.add(0, type.schema());
        }
        for (SchemaExtension extension : type.schemaExtensions()) {
            if (present(body, extension.schema()) && result.stream().noneMatch(extension.schema()::equalsIgnoreCase)) {
                result.add(extension.schema());
            }
        }
        if (result.equals(listed) && body.getOrNull(SCHEMAS) instanceof MultiValue) {
            return body;
        }
        List<ScimValue> uris = new ArrayList<>(result.size());
        result.forEach(uri -> uris.add(ReferenceValue.of(uri)));
        return body.with(SCHEMAS, MultiValue.of(uris));
    }

    /**
     * Whether the loop below would keep {@code listed} exactly as it is: stored as an array, the
     * base URN spelled as the type spells it, no URI twice in any case, and each extension URN
     * listed exactly when its object is present. Checked without building a new list.
     */
    private static boolean inStep(ComplexValue body, ResourceType type, List<String> listed) {
        if (!(body.getOrNull(SCHEMAS) instanceof MultiValue)) {
            return false;
        }
        boolean base = false;
        for (int i = 0; i < listed.size(); i++) {
            String uri = listed.get(i);
            for (int j = 0; j < i; j++) {
                if (listed.get(j).equalsIgnoreCase(uri)) {
                    return false;
                }
            }
            if (uri.equals(type.schema())) {
                base = true;
            } else if (uri.equalsIgnoreCase(type.schema())) {
                return false;
            } else if (type.extension(uri).isPresent() && !present(body, uri)) {
                return false;
            }
        }
        if (!base) {
            return false;
        }
        for (SchemaExtension extension : type.schemaExtensions()) {
            if (present(body, extension.schema()) && !contains(listed, extension.schema())) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(List<String> uris, String uri) {
        for (String listed : uris) {
            if (listed.equals(uri) || listed.equalsIgnoreCase(uri)) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(ComplexValue body, String urn) {
        ComplexValue extension = BodyAccess.holder(body, urn);
        return extension != null && Unassigned.strip(extension) != null;
    }
}
