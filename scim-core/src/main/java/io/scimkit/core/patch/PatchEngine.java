package io.scimkit.core.patch;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import java.util.Objects;
import java.util.Set;

/**
 * Applies SCIM PATCH requests (RFC 7644 §3.5.2) to resources of one resource type.
 *
 * <p>Operations run in order, each on the result of the one before (P-PAT-08). The request is
 * atomic (P-PAT-09): the first failing operation throws a
 * {@link io.scimkit.core.error.ScimException} and, resources being immutable, the input stays as
 * it was. Semantics, each row of the digest's §8.2 and K-02/K-05/K-07/K-50..K-53/K-58:
 * <ul>
 *   <li>{@code op} is exactly {@code add}, {@code remove} or {@code replace} (else 400
 *       {@code invalidSyntax}; the lenient dialect lower-cases Entra's {@code "Replace"} first);
 *       add and replace need a {@code value} (P-PAT-ADD-01), remove needs a {@code path}
 *       (P-PAT-REM-01, {@code noTarget});</li>
 *   <li>without a path the value is an object whose keys are attribute names or declared
 *       extension URNs (P-PAT-ADD-02, P-PAT-REP-01); a bare extension URN as path targets the
 *       whole extension object (K-58);</li>
 *   <li>values are conformed to the target's definition ({@code invalidValue} when they cannot
 *       be), single complex values are merged (K-51), multi-valued ones follow
 *       {@link MultiValuedOps}, and {@code primary: true} clears the other elements (P-PAT-14);</li>
 *   <li>mutability and required attributes follow {@link MutabilityGuard};</li>
 *   <li>{@code schemas} lists the base schema and exactly the extensions present (P-PAT-13);</li>
 *   <li>no {@code null}, empty array or empty object is left behind (RFC 7643 §2.5).</li>
 * </ul>
 * How unknown attributes, Entra's remove-with-value (Q4) and upsert (Q6) behave is set by
 * {@link PatchSettings}. Immutable and thread-safe.
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
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(request, "request");
        ComplexValue original = resource.body();
        ComplexValue body = original;
        TouchedAttributes touched = new TouchedAttributes();
        for (PatchOperation operation : request.operations()) {
            body = applier.apply(body, operation, touched);
        }
        // Only the members the operations wrote can differ from the input (they share the rest).
        if (!touched.differ(original, body)) {
            return new PatchResult(resource, false, Set.of());
        }
        ComplexValue synced = SchemasSync.sync(body, type);
        if (synced != body) {
            touched.attribute(SchemasSync.SCHEMAS);
            body = synced;
            if (!touched.differ(original, body)) {
                return new PatchResult(resource, false, Set.of());
            }
        }
        return new PatchResult(ScimResource.of(body), true, ChangedPaths.between(registry, type, original, body, touched));
    }
}
