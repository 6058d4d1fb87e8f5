package io.scimkit.core.protocol;

import io.scimkit.core.codec.internal.ResourceWriter;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The body of a Group (RFC 7643 §4.2) whose {@code members} are written to the connection as the
 * group store reads them ({@link GroupStore#forEachMember}): the rest of the group is already
 * loaded, completed and projected; each member element is projected on its own (so
 * {@code attributes=members.value} works as for a loaded group, RFC 7644 §3.9). Memory stays
 * bounded by the store's batch and the JSON generator's buffer, whatever the group's size.
 *
 * <p>The members are read when the body is written, after the rest of the group: a member change
 * committed in between shows in the body although the {@code ETag} names the version before it.
 */
final class MemberStream implements ScimResponse.BodyWriter {
    private static final String MEMBERS = "members";

    private final ResourceWriter writer;
    private final GroupStore store;
    private final StoreContext context;
    private final String groupId;
    private final ScimResource projected;

    MemberStream(ResourceWriter writer, GroupStore store, StoreContext context, String groupId,
            ScimResource projected) {
        this.writer = writer;
        this.store = store;
        this.context = context;
        this.groupId = groupId;
        this.projected = projected;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Projection projection = context.projection();
        // A failure leaves the body truncated, never closed into well-formed JSON.
        writer.write(out, projected.body(), MEMBERS, action -> store.forEachMember(context, groupId,
                member -> project(projection, member, action)));
    }

    /** Hands the projected element on, unless the projection leaves nothing of it. */
    private static void project(Projection projection, ComplexValue member, Consumer<ComplexValue> action) {
        ScimResource single = ScimResource.of(ComplexValue.builder().put(MEMBERS, MultiValue.of(member)).build());
        ScimResource kept = projection.apply(single, Set.of());
        if (kept == single) {
            action.accept(member);
            return;
        }
        ScimValue members = kept.body().getOrNull(MEMBERS);
        if (members instanceof MultiValue list) {
            for (ScimValue element : list.values()) {
                if (element instanceof ComplexValue complex) {
                    action.accept(complex);
                }
            }
        }
    }
}
