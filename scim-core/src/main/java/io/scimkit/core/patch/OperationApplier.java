package io.scimkit.core.patch;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.patch.internal.BodyAccess;
import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.schema.internal.ValueConformer;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies one PATCH operation (RFC 7644 §3.5.2) to the {@link WorkingBody} of a request:
 * checks the operation's shape, resolves its path (or the keys of a path-less value), and hands
 * each attribute to {@link SingularOps} or {@link MultiValuedOps} under the
 * {@link MutabilityGuard}. Immutable and thread-safe.
 */
final class OperationApplier {
    private static final String SCHEMAS = "schemas";

    private final ResourceType type;
    private final PatchSettings settings;
    private final PathResolver resolver;
    private final ElementMatchers matchers;
    private final SingularOps singular;
    private final MultiValuedOps multiValued;
    private final ElementSameness sameness;

    OperationApplier(SchemaRegistry registry, ResourceType type, PatchSettings settings) {
        this.type = type;
        this.settings = settings;
        this.resolver = new PathResolver(registry, type, settings);
        this.matchers = new ElementMatchers(FilterEvaluator.of(registry, type));
        ValueConformer conformer = ValueConformer.of(settings.unknownAttributes());
        this.singular = new SingularOps(conformer);
        this.multiValued = new MultiValuedOps(conformer, settings);
        this.sameness = ElementSameness.of(registry, type);
    }

    /**
     * Applies the operation to the working body, recording in {@code touched} each top-level member
     * of the body it wrote.
     */
    void apply(WorkingBody body, PatchOperation operation, TouchedAttributes touched) {
        PatchOp op = operation.type().orElseThrow(() -> ScimException.invalidSyntax("'" + operation.op()
                + "' is not a PATCH operation; 'op' is one of add, remove, replace"));
        String path = operation.path();
        ScimValue value = operation.value();
        if (op == PatchOp.REMOVE) {
            if (path == null) {
                throw ScimException.noTarget("'remove' needs a 'path' naming what to remove");
            }
            value = removeValue(value);
        } else if (value == null) {
            throw ScimException.invalidSyntax("'" + op + "' needs a 'value'");
        }
        if (path == null) {
            applyPathless(body, op, Objects.requireNonNull(value), touched);
            return;
        }
        PathResolver.Resolution resolution = resolver.resolve(path);
        if (resolution instanceof PathResolver.WholeExtension whole) {
            applyExtension(body, op, whole.extension(), value, touched);
        } else if (resolution instanceof PathResolver.Attribute attribute) {
            MutabilityGuard.requireWritablePath(attribute.target());
            applyTarget(body, op, attribute.target(), value, touched);
        }
    }

    /**
     * A value on {@code remove}, which RFC 7644 §3.5.2.2 does not define: Entra ID's list of members to
     * remove (quirk Q4, see {@code docs/entra-quirks.md}), or refused. Read literally, a remove of
     * {@code members} would empty the group, so it is never ignored.
     */
    private @Nullable ScimValue removeValue(@Nullable ScimValue value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (!settings.removeWithValueRemovesListed()) {
            throw ScimException.invalidValue("'remove' takes no 'value'; to remove some elements, select them with a"
                    + " filter in the path, e.g. members[value eq \"...\"]");
        }
        return value;
    }

    /** RFC 7644 §3.5.2.1, §3.5.2.3 without a path: each member of the object is an attribute or an extension object. */
    private void applyPathless(WorkingBody body, PatchOp op, ScimValue value, TouchedAttributes touched) {
        if (!(value instanceof ComplexValue object)) {
            throw ScimException.invalidValue("without a 'path', the value of '" + op + "' is an object of attributes");
        }
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            String key = member.getKey();
            if (key.equalsIgnoreCase(SCHEMAS)) {
                continue; // kept in step with the extension objects by the engine (RFC 7644 §3.5.2)
            }
            Schema extension = resolver.extension(key).orElse(null);
            if (extension != null) {
                applyExtension(body, op, extension, member.getValue(), touched);
            } else if (isUndeclaredSchema(key, member.getValue())) {
                resolver.unknownExtension(key);
            } else {
                PatchTarget target = resolver.member(null, key);
                if (target != null) {
                    applyTarget(body, op, target, member.getValue(), touched);
                }
            }
        }
    }

    /** An object under a URN that is not this type's base schema or one of its extensions, nor below one. */
    private boolean isUndeclaredSchema(String key, ScimValue value) {
        if (!(value instanceof ComplexValue) || !key.toLowerCase(Locale.ROOT).startsWith("urn:")) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith(type.schema().toLowerCase(Locale.ROOT) + ":")) {
            return false;
        }
        return type.schemaExtensions().stream()
                .noneMatch(extension -> lower.startsWith(extension.schema().toLowerCase(Locale.ROOT) + ":"));
    }

    /** A whole extension object, as a path (a bare extension URN, our reading) or as a key of a path-less value. */
    private void applyExtension(WorkingBody body, PatchOp op, Schema extension, @Nullable ScimValue value,
            TouchedAttributes touched) {
        String urn = extension.id();
        if (op == PatchOp.REMOVE || value instanceof NullValue) {
            // Rare: the one operation that looks at the whole current body.
            ComplexValue stored = BodyAccess.holder(body.freeze(), urn);
            if (stored == null) {
                return;
            }
            for (AttributeDefinition attribute : extension.attributes()) {
                if (stored.getOrNull(attribute.name()) != null) {
                    applyTarget(body, PatchOp.REMOVE, PatchTarget.whole(urn, attribute), null, touched);
                }
            }
            touched.extension(urn);
            body.dropExtension(urn);
            return;
        }
        if (!(value instanceof ComplexValue object)) {
            throw ScimException.invalidValue("the value for '" + urn + "' is an object of its attributes");
        }
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            PatchTarget target = resolver.member(extension, member.getKey());
            if (target != null) {
                applyTarget(body, op, target, member.getValue(), touched);
            }
        }
    }

    /**
     * A value filter on a singular complex attribute, e.g. {@code manager[value eq "u1"]}: the
     * operation applies when the stored value matches. A {@code remove} that matches nothing
     * changes nothing, as removing an absent value succeeds in RFC 7644 §3.5.2.2; {@code add} and
     * {@code replace} are {@code noTarget} (§3.5.2.3).
     */
    private @Nullable ScimValue filteredSingular(PatchOp op, PatchTarget target, @Nullable ScimValue value,
            @Nullable ScimValue old) {
        ElementMatcher matcher = matchers.of(target, Objects.requireNonNull(target.filter()));
        if (old == null || !matcher.matches(old)) {
            if (op == PatchOp.REMOVE) {
                return old;
            }
            throw ScimException.noTarget("the filter of '" + target.display() + "' matches no value");
        }
        return singular.apply(op, target, op == PatchOp.REMOVE ? null : value, old);
    }

    private void applyTarget(WorkingBody body, PatchOp op, PatchTarget target, @Nullable ScimValue value,
            TouchedAttributes touched) {
        if (target.attribute().multiValued()) {
            Filter filter = target.filter();
            ElementMatcher matcher = filter == null ? null : matchers.of(target, filter);
            boolean listedRemove = op == PatchOp.REMOVE && filter == null && target.subAttribute() == null;
            ScimValue given = op != PatchOp.REMOVE || listedRemove ? value : null;
            ElementList elements = body.elements(target, sameness.of(target.attribute()));
            boolean assigned = !elements.isEmpty();
            if (multiValued.apply(op, target, matcher, given, elements)) {
                MutabilityGuard.checkPresence(target, assigned, !elements.isEmpty());
                record(target, touched);
            }
            return;
        }
        ScimValue old = body.get(target);
        ScimValue updated = target.filter() != null
                ? filteredSingular(op, target, value, old)
                : singular.apply(op, target, op == PatchOp.REMOVE ? null : value, old);
        if (Objects.equals(updated, old)) {
            return;
        }
        MutabilityGuard.checkAttribute(target, old, updated);
        record(target, touched);
        body.set(target, updated);
    }

    private static void record(PatchTarget target, TouchedAttributes touched) {
        String urn = target.extensionUrn();
        if (urn == null) {
            touched.attribute(target.attribute().name());
        } else {
            touched.extension(urn);
        }
    }
}
