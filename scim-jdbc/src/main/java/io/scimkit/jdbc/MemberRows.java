package io.scimkit.jdbc;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.IndexKey;
import io.scimkit.core.store.Versions;
import io.scimkit.core.store.WrittenChange;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.jdbc.schema.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code members} of groups (RFC 7643 §4.2) in the table {@code scim_member}, keyed by
 * (tenant, resource type, group, member) with an index by member: adds, removes and
 * {@link #membersAmong} cost O(change) whatever the group's size, each one batch or a few
 * statements that find every member by the key, {@link #groupsOf} is an index lookup, and members
 * come back in the order they were added. Callers hold the group row's lock (they update its
 * version first), so concurrent changes to one group's members never interleave.
 */
final class MemberRows {
    /** At most this many ids go into one {@code IN (...)} list. */
    static final int IN_CHUNK = 500;
    /** At most this many ids go into one array parameter (H2 caps an array at 65,536 elements). */
    static final int ARRAY_CHUNK = 10_000;
    /** The statement of {@link #addAsArrays}: tenant, resource type, group id, then five text arrays. */
    private static final String INSERT_FROM_ARRAYS = "INSERT INTO scim_member (tenant, resource_type, group_id,"
            + " member_id, member_key, member_type, display, ref) SELECT ?, ?, ?, m.id, m.k, m.t, m.d, m.r"
            + " FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),"
            + " CAST(? AS text[])) WITH ORDINALITY AS m(id, k, t, d, r, n) ORDER BY m.n ON CONFLICT DO NOTHING";

    private final Dialect dialect;
    /** Whether deletes and lookups of several members go by the whole key, one member at a time (H2). */
    private final boolean lookupsByKey;
    /** Whether several members are added by one statement over arrays of their columns (PostgreSQL). */
    private final boolean insertsFromArrays;

    MemberRows(Dialect dialect) {
        this.dialect = dialect;
        this.lookupsByKey = dialect == Dialect.H2;
        this.insertsFromArrays = dialect == Dialect.POSTGRESQL;
    }

    /** The member id ({@code value}) of an element; {@code invalidValue} if missing, empty or too long. */
    static String idOf(ComplexValue element) {
        String id = IndexedValues.text(element.getOrNull("value"));
        if (id == null || id.isEmpty()) {
            throw ScimException.invalidValue("every element of 'members' has a non-empty string 'value'");
        }
        if (id.length() > IndexedValues.MAX_KEY_LENGTH) {
            throw ScimException.invalidValue("a member 'value' is longer than " + IndexedValues.MAX_KEY_LENGTH
                    + " characters");
        }
        return id;
    }

    /**
     * The member elements of a body's {@code members}, or {@code null} if it has none.
     *
     * @throws ScimException {@code invalidValue} if an element is not an object with a {@code value}
     */
    static @Nullable List<ComplexValue> elementsOf(ComplexValue body) {
        ScimValue members = body.getOrNull("members");
        if (members == null) {
            return null;
        }
        List<ComplexValue> elements = new ArrayList<>();
        for (ScimValue value : members instanceof MultiValue multi ? multi.values() : List.of(members)) {
            if (value.isUnassigned()) {
                continue;
            }
            if (!(value instanceof ComplexValue element)) {
                throw ScimException.invalidValue("'members' holds objects with a 'value'");
            }
            idOf(element);
            elements.add(element);
        }
        return elements;
    }

    /**
     * Adds the members that the group does not have yet, in the order given (an id given twice is
     * added once, as first given). Several members on PostgreSQL: one {@code INSERT ... SELECT}
     * per {@value #ARRAY_CHUNK} members that unnests arrays of their columns, so that the database
     * runs one statement however many members come (Entra adds 50 per request); one member (Entra's
     * incremental adds), and any number on H2, which runs in the process and has no round trips to
     * save: a batch of one {@code INSERT} per member.
     */
    void add(Connection connection, String tenant, String type, String groupId, List<ComplexValue> elements)
            throws SQLException {
        if (elements.isEmpty()) {
            return;
        }
        if (insertsFromArrays && elements.size() > 1) {
            for (int from = 0; from < elements.size(); from += ARRAY_CHUNK) {
                addAsArrays(connection, tenant, type, groupId,
                        elements.subList(from, Math.min(elements.size(), from + ARRAY_CHUNK)));
            }
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(dialect.insertMemberUnlessPresent())) {
            for (ComplexValue element : elements) {
                String id = idOf(element);
                Parameters.bind(insert, List.of(tenant, type, groupId, id, IndexKey.caseFold(id)));
                Parameters.bind(insert, 6, IndexedValues.text(element.getOrNull("type")));
                Parameters.bind(insert, 7, IndexedValues.text(element.getOrNull("display")));
                Parameters.bind(insert, 8, IndexedValues.text(element.getOrNull("$ref")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * One {@code INSERT ... SELECT} of members from arrays of their columns (PostgreSQL), in array
     * order ({@code WITH ORDINALITY}), so that their {@code seq} follows the order given; a member
     * already there, or earlier in the arrays, is skipped by {@code ON CONFLICT DO NOTHING}.
     */
    private static void addAsArrays(Connection connection, String tenant, String type, String groupId,
            List<ComplexValue> elements) throws SQLException {
        int count = elements.size();
        String[][] columns = new String[5][count];
        for (int i = 0; i < count; i++) {
            ComplexValue element = elements.get(i);
            String id = idOf(element);
            columns[0][i] = id;
            columns[1][i] = IndexKey.caseFold(id);
            columns[2][i] = IndexedValues.text(element.getOrNull("type"));
            columns[3][i] = IndexedValues.text(element.getOrNull("display"));
            columns[4][i] = IndexedValues.text(element.getOrNull("$ref"));
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FROM_ARRAYS)) {
            Parameters.bind(insert, List.of(tenant, type, groupId));
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(4 + c, connection.createArrayOf("text", columns[c]));
            }
            insert.executeUpdate();
        }
    }

    /**
     * Removes these members of one group; ids that are not members are ignored. On PostgreSQL one
     * {@code DELETE ... IN (...)} per {@value #IN_CHUNK} ids, which it answers from the primary key;
     * on H2 a batch of one {@code DELETE} per id by the whole key, because H2 uses an index for an
     * {@code IN} list only on the index's first column and would otherwise read every member of
     * the tenant.
     */
    void remove(Connection connection, String tenant, String type, String groupId, Collection<String> memberIds)
            throws SQLException {
        if (memberIds.isEmpty()) {
            return;
        }
        if (lookupsByKey) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM scim_member"
                    + " WHERE tenant = ? AND resource_type = ? AND group_id = ? AND member_id = ?")) {
                for (String id : memberIds) {
                    Parameters.bind(delete, List.of(tenant, type, groupId, id));
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return;
        }
        List<String> ids = new ArrayList<>(memberIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String sql = "DELETE FROM scim_member WHERE tenant = ? AND resource_type = ? AND group_id = ?"
                    + " AND member_id IN (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                List<Object> parameters = new ArrayList<>(List.of(tenant, type, groupId));
                parameters.addAll(chunk);
                Parameters.bind(delete, parameters);
                delete.executeUpdate();
            }
        }
    }

    /** Removes every member of one group. */
    void removeAll(Connection connection, String tenant, String type, String groupId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM scim_member WHERE tenant = ? AND resource_type = ? AND group_id = ?")) {
            Parameters.bind(delete, List.of(tenant, type, groupId));
            delete.executeUpdate();
        }
    }

    /** The members of these groups, each group's in the order they were added. */
    Map<String, List<ComplexValue>> read(Connection connection, String tenant, String type, List<String> groupIds)
            throws SQLException {
        Map<String, List<ComplexValue>> members = new LinkedHashMap<>();
        for (int from = 0; from < groupIds.size(); from += IN_CHUNK) {
            List<String> chunk = groupIds.subList(from, Math.min(groupIds.size(), from + IN_CHUNK));
            String sql = "SELECT group_id, member_id, member_type, display, ref FROM scim_member"
                    + " WHERE tenant = ? AND resource_type = ? AND group_id IN (" + placeholders(chunk.size()) + ")"
                    + " ORDER BY group_id, seq";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                List<Object> parameters = new ArrayList<>(List.of(tenant, type));
                parameters.addAll(chunk);
                Parameters.bind(query, parameters);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        members.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                                .add(element(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                    }
                }
            }
        }
        return members;
    }

    /**
     * Which of these ids are members of the group, by the primary key: on PostgreSQL one query per
     * {@value #IN_CHUNK} ids ({@code member_id IN (...)}); on H2 one query per {@value #ARRAY_CHUNK}
     * ids that joins an array of them to the table, since H2 would test an {@code IN} list against
     * every member of the group.
     */
    Set<String> membersAmong(Connection connection, String tenant, String type, String groupId,
            Collection<String> memberIds) throws SQLException {
        List<String> ids = new ArrayList<>(memberIds);
        Set<String> members = new HashSet<>();
        int chunkSize = lookupsByKey ? ARRAY_CHUNK : IN_CHUNK;
        for (int from = 0; from < ids.size(); from += chunkSize) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
            try (PreparedStatement query = lookupsByKey ? arrayLookup(connection, tenant, type, groupId, chunk)
                    : inListLookup(connection, tenant, type, groupId, chunk);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.add(rows.getString(1));
                }
            }
        }
        return members;
    }

    private static PreparedStatement inListLookup(Connection connection, String tenant, String type, String groupId,
            List<String> ids) throws SQLException {
        PreparedStatement query = connection.prepareStatement("SELECT member_id FROM scim_member"
                + " WHERE tenant = ? AND resource_type = ? AND group_id = ? AND member_id IN ("
                + placeholders(ids.size()) + ")");
        List<Object> parameters = new ArrayList<>(List.of(tenant, type, groupId));
        parameters.addAll(ids);
        try {
            Parameters.bind(query, parameters);
            return query;
        } catch (SQLException | RuntimeException failed) {
            query.close();
            throw failed;
        }
    }

    private static PreparedStatement arrayLookup(Connection connection, String tenant, String type, String groupId,
            List<String> ids) throws SQLException {
        PreparedStatement query = connection.prepareStatement("SELECT m.member_id"
                + " FROM UNNEST(CAST(? AS VARCHAR(" + IndexedValues.MAX_KEY_LENGTH + ") ARRAY)) AS x(id)"
                + " JOIN scim_member m ON m.tenant = ? AND m.resource_type = ? AND m.group_id = ? AND m.member_id = x.id");
        try {
            query.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
            Parameters.bind(query, 2, tenant);
            Parameters.bind(query, 3, type);
            Parameters.bind(query, 4, groupId);
            return query;
        } catch (SQLException | RuntimeException failed) {
            query.close();
            throw failed;
        }
    }

    /**
     * {@link #groupsOf} for many members: one query per chunk of ids on the member index (an
     * {@code IN} list, or on H2, which would scan the tenant's memberships for one, an array joined
     * to the index), each member's groups in the order {@code groupsOf} gives them.
     */
    Map<String, List<GroupMembership>> groupsOfEach(Connection connection, String tenant, Collection<String> memberIds)
            throws SQLException {
        List<String> ids = new ArrayList<>(memberIds);
        Map<String, List<GroupMembership>> groups = new HashMap<>();
        String select = "SELECT m.member_id, g.id, g.display_name";
        String join = " JOIN scim_resource g ON g.tenant = m.tenant AND g.resource_type = m.resource_type"
                + " AND g.id = m.group_id";
        int chunkSize = lookupsByKey ? ARRAY_CHUNK : IN_CHUNK;
        for (int from = 0; from < ids.size(); from += chunkSize) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
            String sql = lookupsByKey
                    ? select + " FROM UNNEST(CAST(? AS VARCHAR(" + IndexedValues.MAX_KEY_LENGTH + ") ARRAY)) AS x(id)"
                            + " JOIN scim_member m ON m.tenant = ? AND m.member_id = x.id" + join + " ORDER BY m.seq"
                    : select + " FROM scim_member m" + join + " WHERE m.tenant = ? AND m.member_id IN ("
                            + placeholders(chunk.size()) + ") ORDER BY m.seq";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (lookupsByKey) {
                    query.setArray(1, connection.createArrayOf("VARCHAR", chunk.toArray()));
                    Parameters.bind(query, 2, tenant);
                } else {
                    List<Object> parameters = new ArrayList<>(chunk.size() + 1);
                    parameters.add(tenant);
                    parameters.addAll(chunk);
                    Parameters.bind(query, parameters);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        groups.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                                .add(new GroupMembership(rows.getString(2), rows.getString(3)));
                    }
                }
            }
        }
        return groups;
    }

    /** The groups (of any type) of a tenant that list this member, with their displayName; by the member index. */
    List<GroupMembership> groupsOf(Connection connection, String tenant, String memberId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT g.id, g.display_name FROM scim_member m JOIN scim_resource g ON g.tenant = m.tenant"
                        + " AND g.resource_type = m.resource_type AND g.id = m.group_id"
                        + " WHERE m.tenant = ? AND m.member_id = ? ORDER BY m.seq")) {
            Parameters.bind(query, List.of(tenant, memberId));
            List<GroupMembership> groups = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.add(new GroupMembership(rows.getString(1), rows.getString(2)));
                }
            }
            return groups;
        }
    }

    /**
     * Removes a deleted resource from every group of its tenant (RFC 7644 §3.6 leaves this open, and
     * dangling members would list users that no longer exist); each group that
     * listed it gets a new version and {@code lastModified} first (its representation changes). The
     * groups are found by the member index and updated by their key (a batch), so the cost is that
     * of the groups it was in, not of the tenant's size.
     */
    List<WrittenChange.GroupLeft> removeEverywhere(Connection connection, String tenant, String memberId,
            OffsetDateTime now) throws SQLException {
        List<List<String>> groups = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT resource_type, group_id FROM scim_member WHERE tenant = ? AND member_id = ?")) {
            Parameters.bind(query, List.of(tenant, memberId));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.add(List.of(rows.getString(1), rows.getString(2)));
                }
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement touch = connection.prepareStatement("UPDATE scim_resource SET version = version + 1,"
                + " last_modified = ? WHERE tenant = ? AND resource_type = ? AND id = ?")) {
            for (List<String> group : groups) {
                Parameters.bind(touch, List.of(now, tenant, group.get(0), group.get(1)));
                touch.addBatch();
            }
            touch.executeBatch();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM scim_member WHERE tenant = ? AND member_id = ?")) {
            Parameters.bind(delete, List.of(tenant, memberId));
            delete.executeUpdate();
        }
        return left(connection, tenant, groups);
    }

    /** The groups a member left, each with its version after the change (read under the row locks of the change). */
    private static List<WrittenChange.GroupLeft> left(Connection connection, String tenant, List<List<String>> groups)
            throws SQLException {
        List<WrittenChange.GroupLeft> left = new ArrayList<>(groups.size());
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT version FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?")) {
            for (List<String> group : groups) {
                Parameters.bind(query, List.of(tenant, group.get(0), group.get(1)));
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        left.add(new WrittenChange.GroupLeft(group.get(1), Versions.weak(rows.getLong(1))));
                    }
                }
            }
        }
        return left;
    }

    static ComplexValue element(String id, @Nullable String type, @Nullable String display,
            @Nullable String ref) {
        ComplexValue.Builder element = ComplexValue.builder().put("value", id);
        if (ref != null) {
            element.put("$ref", ReferenceValue.of(ref));
        }
        if (display != null) {
            element.put("display", display);
        }
        if (type != null) {
            element.put("type", type);
        }
        return element.build();
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
