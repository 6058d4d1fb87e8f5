package io.scimkit.core.protocol;

import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningEvent.GroupRenamed;
import io.scimkit.core.event.ProvisioningEvent.MembersAdded;
import io.scimkit.core.event.ProvisioningEvent.MembersRemoved;
import io.scimkit.core.event.ProvisioningEvent.UserDeactivated;
import io.scimkit.core.event.ProvisioningEvent.UserReactivated;
import io.scimkit.core.event.ProvisioningEvent.UserUpdated;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The provisioning events of one committed write, found by comparing the resource before and
 * after it: for a user, the paths of the attributes that changed (RFC 7644 §3.10 notation: a
 * sub-attribute of a singular complex attribute as {@code name.givenName}, an extension attribute
 * under its schema URN) and whether {@code active} went from true to false or back (RFC 7643
 * §4.1.1); for a group, a changed {@code displayName} and the ids of members that joined or left
 * (RFC 7643 §4.2).
 */
final class ChangeEvents {
    private static final String ACTIVE = "active";
    private static final String DISPLAY_NAME = "displayName";
    /** Attributes the service provider owns, and {@code members}, which travel as their own change. */
    private static final Set<String> NOT_COMPARED = caseInsensitive(List.of("id", "meta", "schemas", "members"));

    private ChangeEvents() {
    }

    /** The events of a user write: an update of other attributes, then a change of {@code active}. */
    static List<ProvisioningEvent> user(EventContext context, ScimResource before, ScimResource after) {
        List<ProvisioningEvent> events = new ArrayList<>();
        List<String> changed = changedPaths(before.body(), after.body());
        changed.removeIf(ACTIVE::equalsIgnoreCase);
        if (!changed.isEmpty()) {
            events.add(new UserUpdated(context, changed));
        }
        boolean wasInactive = BooleanValue.FALSE.equals(before.body().getOrNull(ACTIVE));
        boolean isInactive = BooleanValue.FALSE.equals(after.body().getOrNull(ACTIVE));
        if (!wasInactive && isInactive) {
            events.add(new UserDeactivated(context));
        } else if (wasInactive && BooleanValue.TRUE.equals(after.body().getOrNull(ACTIVE))) {
            events.add(new UserReactivated(context));
        }
        return events;
    }

    /**
     * The events of a group write: a rename, then the members that joined, then those that left.
     * An id in both sets (removed and added again by one request) stayed a member and is in neither.
     */
    static List<ProvisioningEvent> group(EventContext context, ScimResource before, ScimResource after,
            Collection<String> added, Collection<String> removed) {
        List<ProvisioningEvent> events = new ArrayList<>();
        String previousName = displayName(before);
        String name = displayName(after);
        if (!Objects.equals(previousName, name)) {
            events.add(new GroupRenamed(context, previousName, name));
        }
        List<String> joined = new ArrayList<>(added);
        joined.removeAll(removed);
        List<String> left = new ArrayList<>(removed);
        left.removeAll(added);
        if (!joined.isEmpty()) {
            events.add(new MembersAdded(context, joined));
        }
        if (!left.isEmpty()) {
            events.add(new MembersRemoved(context, left));
        }
        return events;
    }

    /** The events of a write that replaced a group's members: the difference of the two id sets. */
    static List<ProvisioningEvent> groupReplacingMembers(EventContext context, ScimResource before,
            ScimResource after, Collection<String> membersBefore, Collection<String> membersAfter) {
        Set<String> added = new LinkedHashSet<>(membersAfter);
        added.removeAll(membersBefore);
        Set<String> removed = new LinkedHashSet<>(membersBefore);
        removed.removeAll(membersAfter);
        return group(context, before, after, added, removed);
    }

    /** A group's {@code displayName}, or {@code null}. */
    static @Nullable String displayName(ScimResource group) {
        return group.body().getOrNull(DISPLAY_NAME) instanceof StringValue name ? name.value() : null;
    }

    /** The ids ({@code value}) of the elements of a {@code members} value, in order, without repeats. */
    static Set<String> memberIds(@Nullable ScimValue members) {
        Set<String> ids = new LinkedHashSet<>();
        for (ComplexValue member : MemberDelta.members(members)) {
            ids.add(((StringValue) member.getOrNull("value")).value());
        }
        return ids;
    }

    /**
     * The paths of the attributes whose values differ, in the order the after-body names them: a
     * singular complex attribute, and an extension's attributes, are compared one level down
     * ({@code name.givenName}, {@code urn:...:enterprise:2.0:User:manager}), no further.
     */
    static List<String> changedPaths(ComplexValue before, ComplexValue after) {
        return changedPaths(before, after, true);
    }

    private static List<String> changedPaths(ComplexValue before, ComplexValue after, boolean descend) {
        List<String> paths = new ArrayList<>();
        for (String name : names(before, after)) {
            if (NOT_COMPARED.contains(name)) {
                continue;
            }
            ScimValue old = before.getOrNull(name);
            ScimValue now = after.getOrNull(name);
            if (Objects.equals(old, now)) {
                continue;
            }
            boolean complex = (old == null || old instanceof ComplexValue) && (now == null || now instanceof ComplexValue);
            if (!complex || !descend) {
                paths.add(name);
                continue;
            }
            String separator = name.startsWith("urn:") ? ":" : ".";
            for (String sub : changedPaths(orEmpty(old), orEmpty(now), false)) {
                paths.add(name + separator + sub);
            }
        }
        return paths;
    }

    private static ComplexValue orEmpty(@Nullable ScimValue value) {
        return value instanceof ComplexValue complex ? complex : ComplexValue.EMPTY;
    }

    /** The attribute names of both bodies, once each whatever their case, after-body first. */
    private static Set<String> names(ComplexValue before, ComplexValue after) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> names = new LinkedHashSet<>();
        for (String name : after.attributes().keySet()) {
            if (seen.add(name)) {
                names.add(name);
            }
        }
        for (String name : before.attributes().keySet()) {
            if (seen.add(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> caseInsensitive(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
