package io.scimkit.jdbc.mapping;

import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.UserStore;
import javax.sql.DataSource;

/** SCIM Users (RFC 7643 §4.1) over the application's user table. */
final class MappedUserStore extends MappedStore implements UserStore {
    MappedUserStore(DataSource dataSource, SchemaRegistry registry, MappedTable table) {
        super(dataSource, registry, table);
    }
}
