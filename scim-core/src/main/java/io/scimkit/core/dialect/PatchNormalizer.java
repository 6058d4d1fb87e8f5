package io.scimkit.core.dialect;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.patch.PatchOp;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.patch.PatchPath;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the operations of one PATCH request (RFC 7644 §3.5.2) by the rules switched on, in
 * order: op case (Q1), then for an operation without {@code path} the expansion of dotted and
 * URN-qualified keys into operations with a path (Q3), then per operation the path fix (Q24), the
 * manager and empty-array removals (Q9, Okta) and the value rules of {@link ValueNormalizer}.
 * The Entra ID quirks are described in {@code docs/entra-quirks.md}.
 * Anything a rule does not recognise (an unparsable path, an unknown attribute, an unknown op) is
 * passed on unchanged for the engine to reject with the precise error. One instance per call.
 */
final class PatchNormalizer {
    /** The operations, built once ({@code values()} copies the array on every call). */
    private static final PatchOp[] OPS = PatchOp.values();

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final FilterSettings filters;
    private final Firings firings;
    private final ValueNormalizer values;
    private final PathKeys pathKeys;
    private final PathPlans plans;

    PatchNormalizer(SchemaRegistry registry, ResourceType type, FilterSettings filters, Firings firings,
            PathPlans plans) {
        this.plans = plans;
        this.registry = registry;
        this.type = type;
        this.filters = filters;
        this.firings = firings;
        this.values = new ValueNormalizer(firings, false);
        this.pathKeys = new PathKeys(registry, type, firings.on(DialectRule.MISPLACED_EXTENSION_ATTRIBUTES));
    }

    /** The operations in RFC form; the same list instance when no rule changed any of them. */
    List<PatchOperation> normalize(List<PatchOperation> operations) {
        List<PatchOperation> normalized = new ArrayList<>(operations.size());
        for (PatchOperation operation : operations) {
            PatchOperation op = opCase(operation);
            if (op.path() != null) {
                normalized.add(withPath(op));
            } else if (op.value() instanceof ComplexValue value && firings.on(DialectRule.NO_PATH_PATH_KEYS)
                    && pathKeys.hasPathKey(value)) {
                firings.fire(DialectRule.NO_PATH_PATH_KEYS);
                for (PatchOperation expanded : pathKeys.expand(op, value)) {
                    normalized.add(expanded.path() != null ? withPath(expanded) : withoutPath(expanded));
                }
            } else {
                normalized.add(withoutPath(op));
            }
        }
        return sameElements(normalized, operations) ? operations : normalized;
    }

    private static boolean sameElements(List<PatchOperation> normalized, List<PatchOperation> operations) {
        if (normalized.size() != operations.size()) {
            return false;
        }
        for (int i = 0; i < normalized.size(); i++) {
            if (normalized.get(i) != operations.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Q1: {@code Add}, {@code REPLACE} … become the RFC's lower-case tokens. */
    private PatchOperation opCase(PatchOperation operation) {
        if (operation.type().isPresent() || !firings.on(DialectRule.OP_CASE_INSENSITIVE)) {
            return operation;
        }
        for (PatchOp op : OPS) {
            if (op.token().equalsIgnoreCase(operation.op())) {
                firings.fire(DialectRule.OP_CASE_INSENSITIVE);
                return operation.withOp(op.token());
            }
        }
        return operation;
    }

    private PatchOperation withPath(PatchOperation operation) {
        String sent = operation.path() == null ? "" : operation.path();
        PathPlan plan = plans.get(registry, type, sent, () -> plan(sent));
        for (DialectRule rule : plan.fired()) {
            firings.fire(rule);
        }
        String path = plan.path();
        PatchOperation op = path.equals(sent) ? operation : operation.withPath(path);
        PatchPath parsed = plan.parsed();
        if (parsed == null) {
            return op;
        }
        Optional<ResolvedAttribute> resolved = Optional.ofNullable(plan.resolved());
        Optional<PatchOp> kind = op.type();
        ScimValue value = op.value();
        if (resolved.isEmpty() || kind.isEmpty() || value == null) {
            return op;
        }
        AttributeDefinition attribute = resolved.get().attribute();
        boolean whole = parsed.valueFilter() == null && parsed.subAttribute() == null;
        if (kind.get() == PatchOp.REMOVE) {
            if (whole && attribute.multiValued() && firings.on(DialectRule.REMOVE_MEMBERS_BY_VALUE)) {
                // The engine removes the listed values (flag removeWithValueRemovesListed); counted here.
                firings.fire(DialectRule.REMOVE_MEMBERS_BY_VALUE);
            }
            return withValue(op, values.attribute(value, attribute));
        }
        if (whole && firings.on(DialectRule.MANAGER_EMPTY_REMOVES) && ValueNormalizer.isEmptyReference(value, attribute)) {
            firings.fire(DialectRule.MANAGER_EMPTY_REMOVES);
            return PatchOperation.of(PatchOp.REMOVE, path, null);
        }
        if (whole && kind.get() == PatchOp.REPLACE && attribute.multiValued() && value instanceof MultiValue multi
                && multi.values().isEmpty() && firings.on(DialectRule.REPLACE_EMPTY_ARRAY_REMOVES)) {
            firings.fire(DialectRule.REPLACE_EMPTY_ARRAY_REMOVES);
            return PatchOperation.of(PatchOp.REMOVE, path, null);
        }
        if (parsed.subAttribute() == null && parsed.valueFilter() != null) {
            // attr[filter] without a sub-attribute: the value is one element (or a list of them).
            return withValue(op, value instanceof MultiValue ? values.attribute(value, attribute)
                    : values.element(value, attribute));
        }
        return withValue(op, values.attribute(value, resolved.get().leaf()));
    }

    /** The operation with this value; the same instance when no rule changed the value. */
    private static PatchOperation withValue(PatchOperation op, ScimValue value) {
        return value == op.value() ? op : op.withValue(value);
    }

    /**
     * The path rules applied to one path text: Q24, then Q9/Q12, then Q2 in the value filter.
     * Depends on the text, the type, the registry and the rules only, so the result is kept in
     * {@link PathPlans}; the rules it fired are recorded in the plan and fired again per call.
     */
    private PathPlan plan(String sent) {
        Firings own = firings.fresh();
        String path = qualify(fixExtensionSeparator(sent, own), own);
        PatchPath parsed;
        try {
            parsed = PatchPath.parse(path, filters);
        } catch (ScimException malformed) {
            return new PathPlan(path, Set.copyOf(own.fired()), null, null);
        }
        ResolvedAttribute resolved = registry.resolve(type, parsed.target()).orElse(null);
        if (resolved != null && parsed.valueFilter() != null && own.on(DialectRule.BOOLEAN_STRINGS)) {
            Filter coerced = FilterLiterals.booleansInElements(parsed.valueFilter(), resolved.attribute());
            if (coerced != parsed.valueFilter()) {
                own.fire(DialectRule.BOOLEAN_STRINGS);
                parsed = new PatchPath(parsed.attribute(), coerced, parsed.subAttribute());
                path = parsed.toString();
            }
        }
        return new PathPlan(path, Set.copyOf(own.fired()), parsed, resolved);
    }

    /** An operation without path: its value is an object of attributes and extension objects. */
    private PatchOperation withoutPath(PatchOperation op) {
        if (!(op.value() instanceof ComplexValue value)) {
            return op;
        }
        ComplexValue normalized = rebuilt(value, (name, member) -> topLevel(name, member));
        return normalized == value ? op : op.withValue(normalized);
    }

    /**
     * The object with each member replaced by {@code rule}'s answer; the same instance when the
     * rule returned every member unchanged, so that nothing is copied for RFC-form values.
     */
    private static ComplexValue rebuilt(ComplexValue object, BiFunction<String, ScimValue, ScimValue> rule) {
        ComplexValue.Builder members = null;
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            ScimValue normalized = rule.apply(member.getKey(), member.getValue());
            if (members == null && normalized != member.getValue()) {
                members = ComplexValue.builder();
                for (Map.Entry<String, ScimValue> earlier : object.attributes().entrySet()) {
                    if (earlier.getKey().equals(member.getKey())) {
                        break;
                    }
                    members.put(earlier.getKey(), earlier.getValue());
                }
            }
            if (members != null) {
                members.put(member.getKey(), normalized);
            }
        }
        return members == null ? object : members.build();
    }

    private ScimValue topLevel(String name, ScimValue value) {
        Optional<Schema> extension = registry.extensionSchema(type, name);
        if (extension.isPresent()) {
            if (!(value instanceof ComplexValue object)) {
                return value;
            }
            return rebuilt(object, (key, member) -> {
                Optional<AttributeDefinition> definition = extension.get().attribute(key);
                return definition.isPresent() ? values.attribute(member, definition.get()) : member;
            });
        }
        if (!AttributePath.isAttributeName(name)) {
            return value;
        }
        return registry.resolve(type, AttributePath.of(name))
                .map(resolved -> values.attribute(value, resolved.attribute()))
                .orElse(value);
    }

    /** Q9/Q12: {@code manager} becomes {@code urn:…:enterprise:2.0:User:manager}. */
    private String qualify(String path, Firings own) {
        if (!own.on(DialectRule.MISPLACED_EXTENSION_ATTRIBUTES)) {
            return path;
        }
        Optional<String> qualified = pathKeys.qualified(path);
        qualified.ifPresent(fixed -> own.fire(DialectRule.MISPLACED_EXTENSION_ATTRIBUTES));
        return qualified.orElse(path);
    }

    /**
     * Q24: {@code urn:…:enterprise:2.0:User.department} becomes {@code urn:…:enterprise:2.0:User:department}
     * when the text before the dot is one of the resource type's extension URNs.
     */
    private String fixExtensionSeparator(String text, Firings own) {
        if (!own.on(DialectRule.EXTENSION_DOT_SEPARATOR)) {
            return text;
        }
        Optional<String> fixed = pathKeys.extensionDotSeparatorFixed(text);
        if (fixed.isPresent()) {
            own.fire(DialectRule.EXTENSION_DOT_SEPARATOR);
            return fixed.get();
        }
        return text;
    }
}
