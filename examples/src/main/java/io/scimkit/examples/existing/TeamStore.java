package io.scimkit.examples.existing;

import static io.scimkit.jdbc.Jdbc.query;
import static io.scimkit.jdbc.Jdbc.transaction;

import io.scimkit.core.codec.JsonColumn;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * SCIM Groups (RFC 7643 §4.2) over the application's {@code teams} and {@code team_members}
 * tables: {@code displayName} is {@code name} (unique without regard to case through
 * {@code name_key}), every other attribute is JSON in {@code scim}, and {@code members} are rows
 * of {@code team_members}, changed with one statement per kind of change. Members are employees of
 * the same tenant: ids that name no employee (nested groups among them) are not stored. Answers
 * {@code displayName eq} itself.
 */
public final class TeamStore extends TableStore implements GroupStore {

    /** A store over the {@code teams} and {@code team_members} tables of {@code schema.sql}. */
    public TeamStore(DataSource dataSource, SchemaRegistry registry) {
        super(dataSource, JsonColumn.of(registry, "Group", "displayName"),
                new Table("teams", List.of("name", "name_key", "scim"), Map.of("displayname", "name_key")));
    }

    @Override
    ScimResource joined(Connection c, long id, ScimResource team, StoreContext context) throws SQLException {
        List<ScimValue> members = !context.returns("members") ? List.of()
                : query(c, "SELECT m.employee_id FROM team_members m JOIN employees e ON e.id = m.employee_id"
                        + " WHERE m.team_id = ? ORDER BY m.employee_id",
                        row -> ComplexValue.builder().put("value", row.getString(1)).put("type", "User").build(), id);
        return members.isEmpty() ? team : team.with("members", MultiValue.of(members));
    }

    @Override
    void members(Connection c, StoreContext context, long team, MemberChanges changes) throws SQLException {
        if (changes.replaceAll()) {
            Jdbc.update(c, "DELETE FROM team_members WHERE team_id = ?", team);
        } else if (!changes.removed().isEmpty()) {
            Jdbc.update(c, "DELETE FROM team_members WHERE team_id = ? AND employee_id = ANY(?)", team,
                    changes.removed().stream().map(TableStore::key).toArray(Long[]::new));
        }
        if (!changes.added().isEmpty()) {
            Jdbc.update(c, "INSERT INTO team_members (team_id, employee_id) SELECT ?, e.id FROM employees e"
                    + " WHERE e.tenant = ? AND e.id = ANY(?) AND NOT EXISTS (SELECT 1 FROM team_members m"
                    + " WHERE m.team_id = ? AND m.employee_id = e.id)", team, context.tenant(),
                    changes.addedIds().stream().map(TableStore::key).toArray(Long[]::new), team);
        }
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return transaction(dataSource, c -> query(c, "SELECT t.id, t.name FROM teams t JOIN team_members m ON m.team_id = t.id"
                + " WHERE t.tenant = ? AND m.employee_id = ? ORDER BY t.id",
                row -> new GroupMembership(row.getString(1), row.getString(2)), context.tenant(), key(memberId)));
    }
}
