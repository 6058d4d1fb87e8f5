package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.filter.CompareOp;
import io.scimkit.core.filter.ComparisonFilter;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.filter.OrFilter;
import io.scimkit.core.patch.PatchOp;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.patch.PatchPath;
import io.scimkit.core.patch.PatchRequest;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a PATCH of a group is carried out without loading its members: the
 * operations in request order, each either an operation on the other attributes (run by the PATCH
 * engine on the group loaded without {@code members}) or a member operation that a
 * {@link MemberDelta} can express:
 * <ul>
 *   <li>{@code add} or {@code replace} of {@code members} (with a path, or a {@code members} key of
 *       a path-less value, which is split off the other keys);</li>
 *   <li>{@code remove} of {@code members} without value (all) or with Entra's value list (Entra
 *       quirk Q4 in {@code docs/entra-quirks.md}: only the listed members go, as the engine's
 *       settings allow);</li>
 *   <li>{@code remove} of {@code members[value eq "x"]} or {@code members[value eq "x" or value eq "y" ...]}.</li>
 * </ul>
 * Any other operation on members (another filter such as {@code members[type eq "User"]}, a
 * sub-attribute such as {@code members[value eq "x"].display}, an {@code add}/{@code replace}
 * with a filter, whose outcome depends on the elements) needs the whole group: then
 * {@link #needsWholeGroup()} is true and the engine runs on the complete resource. Operations
 * whose shape is invalid are left to the engine, which reports them exactly as it always does.
 */
final class MemberPatchPlan {
    private static final String MEMBERS = "members";

    /** One step of the plan. */
    sealed interface Step permits Other, MemberOperation {
    }

    /** An operation on attributes other than {@code members}. */
    record Other(PatchOperation operation) implements Step {
    }

    /** What a member operation does to the delta. */
    enum Kind {
        /** Add the elements of the value. */
        ADD,
        /** Replace all members by the elements of the value. */
        REPLACE,
        /** Remove every member. */
        REMOVE_ALL,
        /** Remove the members listed in the value (Entra quirk Q4, see {@code docs/entra-quirks.md}). */
        REMOVE_LISTED,
        /** Remove the members whose ids the filter names. */
        REMOVE_IDS
    }

    /** An operation on {@code members} (path {@code members}), and for REMOVE_IDS the ids. */
    record MemberOperation(PatchOperation operation, Kind kind, Set<String> ids) implements Step {
        MemberOperation {
            ids = Set.copyOf(ids);
        }
    }

    private final @Nullable List<Step> steps;

    private MemberPatchPlan(@Nullable List<Step> steps) {
        this.steps = steps == null ? null : List.copyOf(steps);
    }

    /** The plan for a PATCH request, already normalised by the dialect. */
    static MemberPatchPlan of(PatchRequest request, ResourceType type, SchemaRegistry registry, FilterSettings filters) {
        List<Step> steps = new ArrayList<>();
        for (PatchOperation operation : request.operations()) {
            if (!classify(operation, type, registry, filters, steps)) {
                return new MemberPatchPlan(null);
            }
        }
        return new MemberPatchPlan(steps);
    }

    /** Whether some member operation depends on the current elements, so the whole group must be loaded. */
    boolean needsWholeGroup() {
        return steps == null;
    }

    /** The steps in request order (only when {@link #needsWholeGroup()} is false). */
    List<Step> steps() {
        if (steps == null) {
            throw new IllegalStateException("this plan needs the whole group");
        }
        return steps;
    }

    /** Adds the steps of one operation; false if it needs the whole group. */
    private static boolean classify(PatchOperation operation, ResourceType type, SchemaRegistry registry,
            FilterSettings filters, List<Step> steps) {
        Optional<PatchOp> op = operation.type();
        if (op.isEmpty()) {
            steps.add(new Other(operation));
            return true;
        }
        String path = operation.path();
        if (path == null) {
            return pathless(operation, op.get(), steps);
        }
        PatchPath parsed;
        try {
            parsed = PatchPath.parse(path, filters);
        } catch (ScimException malformed) {
            steps.add(new Other(operation)); // the engine reports it
            return true;
        }
        if (!isMembers(registry, type, parsed.attribute())) {
            steps.add(new Other(operation));
            return true;
        }
        if (parsed.subAttribute() != null) {
            return false;
        }
        PatchOperation members = operation.withPath(MEMBERS);
        if (parsed.valueFilter() == null) {
            steps.add(new MemberOperation(members, whole(op.get(), operation.value()), Set.of()));
            return true;
        }
        Set<String> ids = new LinkedHashSet<>();
        if (op.get() == PatchOp.REMOVE && collectIds(parsed.valueFilter(), ids)) {
            steps.add(new MemberOperation(operation, Kind.REMOVE_IDS, ids));
            return true;
        }
        return false;
    }

    /** A path-less operation: a {@code members} key of its value becomes its own operation. */
    private static boolean pathless(PatchOperation operation, PatchOp op, List<Step> steps) {
        if (op == PatchOp.REMOVE || !(operation.value() instanceof ComplexValue value)) {
            steps.add(new Other(operation));
            return true;
        }
        String key = null;
        for (Map.Entry<String, ScimValue> member : value.attributes().entrySet()) {
            if (member.getKey().equalsIgnoreCase(MEMBERS)) {
                key = member.getKey();
            }
        }
        if (key == null) {
            steps.add(new Other(operation));
            return true;
        }
        ComplexValue rest = value.without(key);
        if (!rest.isEmpty()) {
            steps.add(new Other(operation.withValue(rest)));
        }
        ScimValue members = value.getOrNull(key);
        steps.add(new MemberOperation(PatchOperation.of(op, MEMBERS, members), whole(op, members), Set.of()));
        return true;
    }

    private static Kind whole(PatchOp op, @Nullable ScimValue value) {
        return switch (op) {
            case ADD -> Kind.ADD;
            case REPLACE -> Kind.REPLACE;
            case REMOVE -> value == null || value instanceof NullValue ? Kind.REMOVE_ALL : Kind.REMOVE_LISTED;
        };
    }

    private static boolean isMembers(SchemaRegistry registry, ResourceType type, AttributePath attribute) {
        Optional<ResolvedAttribute> resolved = registry.resolve(type, attribute);
        return resolved.isPresent() && resolved.get().extensionUrn() == null && resolved.get().subAttribute() == null
                && resolved.get().attribute().name().equalsIgnoreCase(MEMBERS);
    }

    /** Collects the ids of {@code value eq "x" or value eq "y" ...}; false for any other filter. */
    private static boolean collectIds(@Nullable Filter filter, Set<String> ids) {
        if (filter instanceof OrFilter or) {
            return collectIds(or.left(), ids) && collectIds(or.right(), ids);
        }
        if (filter instanceof ComparisonFilter comparison && comparison.op() == CompareOp.EQ
                && comparison.value() instanceof StringValue id && isValue(comparison.path())) {
            ids.add(id.value());
            return true;
        }
        return false;
    }

    private static boolean isValue(AttributePath path) {
        return path.schemaUrn() == null && !path.hasSubAttribute() && path.attribute().equalsIgnoreCase("value");
    }
}
