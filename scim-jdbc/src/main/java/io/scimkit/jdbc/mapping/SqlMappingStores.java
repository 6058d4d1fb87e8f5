package io.scimkit.jdbc.mapping;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link UserStore} and a {@link GroupStore} over the application's own tables, as two
 * {@link SqlMapping}s describe them: no SCIM tables, no code beyond the mapping.
 *
 * <pre>{@code
 * SqlMappingStores stores = SqlMappingStores.open(dataSource, registry, users, groups);
 * ScimService service = ScimService.builder().schemas(registry)
 *         .userStore(stores.users()).groupStore(stores.groups()).build();
 * }</pre>
 *
 * <p>What runs as SQL: filters on mapped columns ({@code eq}, {@code co}, {@code sw}, {@code ew},
 * {@code pr}, and {@code gt}/{@code ge}/{@code lt}/{@code le} on numbers and times; strings that are
 * not {@code caseExact} through {@code LOWER(column)}, RFC 7644 §3.4.2.2), {@code and}/{@code or}/
 * {@code not} of those, sorts by a mapped column, and index pages; the core evaluates the rest.
 * Uniqueness is the application's own unique indexes (409 {@code uniqueness}): a case-insensitive
 * {@code userName} needs a unique index on the tenant and {@code LOWER(login)}.
 */
public final class SqlMappingStores {
    private final UserStore users;
    private final GroupStore groups;

    private SqlMappingStores(UserStore users, GroupStore groups) {
        this.users = users;
        this.groups = groups;
    }

    /**
     * Checks the mappings against the registry and the database (tables and columns exist, their
     * types fit the attributes) and opens the stores.
     *
     * @throws IllegalStateException listing every mistake, each naming the attribute and the
     *     column, or if the database cannot be reached
     */
    public static SqlMappingStores open(DataSource dataSource, SchemaRegistry registry, SqlMapping users,
            SqlMapping groups) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(registry, "registry");
        List<MappedTable> tables;
        try (Connection connection = dataSource.getConnection()) {
            tables = MappingCheck.check(connection, registry, Objects.requireNonNull(users, "users"),
                    Objects.requireNonNull(groups, "groups"));
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot read the database metadata to check the SQL mapping, SQLState "
                    + unreachable.getSQLState(), unreachable);
        }
        return new SqlMappingStores(new MappedUserStore(dataSource, registry, tables.get(0)),
                new MappedGroupStore(dataSource, registry, tables.get(1), tables.get(0)));
    }

    /** The store of Users (RFC 7643 §4.1). */
    public UserStore users() {
        return users;
    }

    /** The store of Groups (RFC 7643 §4.2). */
    public GroupStore groups() {
        return groups;
    }
}
