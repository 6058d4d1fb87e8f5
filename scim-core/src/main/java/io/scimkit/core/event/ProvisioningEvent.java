package io.scimkit.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change a SCIM client made to a User or a Group, after the store committed it. Every event is
 * an immutable record of plain values with a stable {@link #type()} name (such as
 * {@code user.deactivated}), so that it can be stored or sent as it is. Events name resources by
 * {@code id} and attributes by path; they carry no attribute values except a group's
 * {@code displayName}.
 */
public sealed interface ProvisioningEvent {
    /** Where, who, when and which resource. */
    EventContext context();

    /** The stable name of the kind of event, e.g. {@code user.deactivated}; never changes between releases. */
    String type();

    /** The tenant whose data changed. */
    default String tenant() {
        return context().tenant();
    }

    /** The resource type's name, e.g. {@code User}. */
    default String resourceType() {
        return context().resourceType();
    }

    /** The {@code id} of the resource that changed. */
    default String resourceId() {
        return context().resourceId();
    }

    /** The resource's {@code meta.version} after the change, if it still exists and has one. */
    default @Nullable String version() {
        return context().version();
    }

    /** The time the service's clock gave the request. */
    default Instant time() {
        return context().time();
    }

    /** The client's request id ({@code X-Request-Id}), if it sent one. */
    default @Nullable String requestId() {
        return context().requestId();
    }

    /** The authenticated caller's name. */
    default String principal() {
        return context().principal();
    }

    /** A user was created (RFC 7644 §3.3). */
    record UserCreated(EventContext context) implements ProvisioningEvent {
        public UserCreated {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String type() {
            return "user.created";
        }
    }

    /**
     * Attributes of a user other than {@code active} changed (PUT, RFC 7644 §3.5.1, or PATCH,
     * §3.5.2). A change of {@code active} is told by {@link UserDeactivated} or
     * {@link UserReactivated} instead.
     *
     * @param changedAttributes the paths of the changed attributes, e.g. {@code name.givenName},
     *     {@code emails}, or {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager}
     *     for an extension attribute; never empty
     */
    record UserUpdated(EventContext context, List<String> changedAttributes) implements ProvisioningEvent {
        public UserUpdated {
            Objects.requireNonNull(context, "context");
            changedAttributes = List.copyOf(changedAttributes);
        }

        @Override
        public String type() {
            return "user.updated";
        }
    }

    /**
     * A user's {@code active} became false (RFC 7643 §4.1.1): a client's disable, or a DELETE under
     * the soft delete policy. The application should end the user's sessions and credentials.
     */
    record UserDeactivated(EventContext context) implements ProvisioningEvent {
        public UserDeactivated {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String type() {
            return "user.deactivated";
        }
    }

    /** A user's {@code active} became true again after being false (RFC 7643 §4.1.1). */
    record UserReactivated(EventContext context) implements ProvisioningEvent {
        public UserReactivated {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String type() {
            return "user.reactivated";
        }
    }

    /**
     * A user was deleted (RFC 7644 §3.6); its version is {@code null}. The
     * {@link MembersRemoved} events of the groups it left follow.
     */
    record UserDeleted(EventContext context) implements ProvisioningEvent {
        public UserDeleted {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String type() {
            return "user.deleted";
        }
    }

    /**
     * A group was created (RFC 7644 §3.3); a {@link MembersAdded} event for the members it was
     * created with follows.
     *
     * @param displayName the group's {@code displayName} (RFC 7643 §4.2)
     */
    record GroupCreated(EventContext context, @Nullable String displayName) implements ProvisioningEvent {
        public GroupCreated {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String type() {
            return "group.created";
        }
    }

    /**
     * A group's {@code displayName} changed (RFC 7643 §4.2).
     *
     * @param previousDisplayName the name before the change, {@code null} if it had none
     * @param displayName the name after it, {@code null} if it was removed
     */
    record GroupRenamed(EventContext context, @Nullable String previousDisplayName, @Nullable String displayName)
            implements ProvisioningEvent {
        public GroupRenamed {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String type() {
            return "group.renamed";
        }
    }

    /** A group was deleted (RFC 7644 §3.6); its version is {@code null}. */
    record GroupDeleted(EventContext context) implements ProvisioningEvent {
        public GroupDeleted {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String type() {
            return "group.deleted";
        }
    }

    /**
     * Members joined a group (its {@code members}, RFC 7643 §4.2).
     *
     * @param memberIds the {@code value} (the member's id) of each new member; never empty
     */
    record MembersAdded(EventContext context, List<String> memberIds) implements ProvisioningEvent {
        public MembersAdded {
            Objects.requireNonNull(context, "context");
            memberIds = List.copyOf(memberIds);
        }

        @Override
        public String type() {
            return "group.members_added";
        }
    }

    /**
     * Members left a group: removed by a client, or by the deletion of the member itself.
     *
     * @param memberIds the id of each member that left; never empty
     */
    record MembersRemoved(EventContext context, List<String> memberIds) implements ProvisioningEvent {
        public MembersRemoved {
            Objects.requireNonNull(context, "context");
            memberIds = List.copyOf(memberIds);
        }

        @Override
        public String type() {
            return "group.members_removed";
        }
    }
}
