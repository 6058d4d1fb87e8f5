package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.SchemasSync;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import java.util.Objects;
import java.util.Set;

/**
 * Applies SCIM PATCH requests (RFC 7644 §3.5.2) to resources of one resource type.
 *
 * <p>Operations run in order, each on the result of the one before. The request is atomic: the
 * first failing operation throws a {@link io.scimkit.core.error.ScimException} and, resources being
 * immutable, the input stays as it was. The operations change a mutable working copy of the
 * attributes they write ({@link WorkingBody}), which becomes the patched resource once, at the
 * end: a simple operation on a multi-valued attribute (an {@code add} without filter) costs
 * O(its value), not O(the attribute), so a request's cost grows linearly with its operations. Semantics (RFC 7644 §3.5.2.1-§3.5.2.3):
 * <ul>
 *   <li>{@code op} is exactly {@code add}, {@code remove} or {@code replace} (else 400
 *       {@code invalidSyntax}; the lenient dialect lower-cases Entra's {@code "Replace"} first);
 *       add and replace need a {@code value}, remove needs a {@code path}
 *       (else {@code noTarget});</li>
 *   <li>without a path the value is an object whose keys are attribute names or declared
 *       extension URNs; a bare extension URN as path, which the RFC does not mention, targets the
 *       whole extension object;</li>
 *   <li>values are conformed to the target's definition ({@code invalidValue} when they cannot
 *       be), single complex values are merged, as the RFC says for sub-attributes not named, multi-valued
 *       ones follow {@link MultiValuedOps}, and {@code primary: true} clears the other elements;</li>
 *   <li>mutability and required attributes follow {@link MutabilityGuard};</li>
 *   <li>{@code schemas} lists the base schema and exactly the extensions present;</li>
 *   <li>no {@code null}, empty array or empty object is left behind (RFC 7643 §2.5).</li>
 * </ul>
 * How unknown attributes, Entra's remove-with-value and upsert (quirks Q4 and Q6, see
 * {@code docs/entra-quirks.md}) behave is set by {@link PatchSettings}. Immutable and thread-safe.
 */
public final class PatchEngine {
    private final SchemaRegistry registry;
    private final ResourceType type;
    private final OperationApplier applier;

    private PatchEngine(SchemaRegistry registry, ResourceType type, PatchSettings settings) {
        this.registry = registry;
        this.type = type;
        this.applier = new OperationApplier(registry, type, settings);
    }

    /**
     * An engine for resources of the given type.
     *
     * @throws IllegalArgumentException if the registry does not hold the resource type
     */
    public static PatchEngine of(SchemaRegistry registry, ResourceType type, PatchSettings settings) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(settings, "settings");
        return new PatchEngine(registry, type, settings);
    }

    /**
     * Applies every operation of the request to the resource.
     *
     * @return the patched resource, whether it changed, and the top-level paths that changed
     * @throws io.scimkit.core.error.ScimException with the RFC 7644 §3.12 {@code scimType} if any
     *     operation fails; nothing is applied then
     */
    public PatchResult apply(ScimResource resource, PatchRequest request) {
        return apply(resource, request, WorkMeter.NONE);
    }

    /** {@link #apply(ScimResource, PatchRequest)}, reporting list copies and index builds to the meter. */
    PatchResult apply(ScimResource resource, PatchRequest request, WorkMeter meter) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(request, "request");
        ComplexValue original = resource.body();
        WorkingBody working = new WorkingBody(original, meter);
        TouchedAttributes touched = new TouchedAttributes();
        for (PatchOperation operation : request.operations()) {
            applier.apply(working, operation, touched);
        }
        ComplexValue body = working.freeze();
        // Only the members the operations wrote can differ from the input (they share the rest).
        if (!touched.differ(original, body)) {
            return new PatchResult(resource, false, Set.of());
        }
        boolean canonicalKeys = working.canonicalKeys();
        ComplexValue synced = SchemasSync.sync(body, type);
        if (synced != body) {
            canonicalKeys = canonicalKeys && noOtherSpelling(original, SchemasSync.SCHEMAS);
            touched.attribute(SchemasSync.SCHEMAS);
            body = synced;
            if (!touched.differ(original, body)) {
                return new PatchResult(resource, false, Set.of());
            }
        }
        return new PatchResult(ScimResource.of(body), true,
                ChangedPaths.between(registry, type, original, body, touched, canonicalKeys));
    }

    /** Whether the body holds no member whose name equals this one in another case. */
    private static boolean noOtherSpelling(ComplexValue body, String name) {
        for (String key : body.attributes().keySet()) {
            if (key.length() == name.length() && !key.equals(name) && key.equalsIgnoreCase(name)) {
                return false;
            }
        }
        return true;
    }
}
