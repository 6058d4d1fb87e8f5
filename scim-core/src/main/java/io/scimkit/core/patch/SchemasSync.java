package io.scimkit.core.patch;

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
 * Keeps {@code schemas} in step with the body (RFC 7643 §3; RFC 7644 §3.5.2, P-PAT-13, S-ENT-02):
 * the base schema URN is always there, an extension's URN is listed exactly when its object is
 * present, and other URIs stay as they were. The order of URIs already listed is kept.
 */
final class SchemasSync {
    /** The name of the common attribute kept here. */
    static final String SCHEMAS = "schemas";

    private SchemasSync() {
    }

    /** The body with {@code schemas} brought in step; the same body if it already was. */
    static ComplexValue sync(ComplexValue body, ResourceType type) {
        List<String> listed = ScimResource.of(body).schemas();
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

    private static boolean present(ComplexValue body, String urn) {
        ComplexValue extension = BodyAccess.holder(body, urn);
        return extension != null && Unassigned.strip(extension) != null;
    }
}
