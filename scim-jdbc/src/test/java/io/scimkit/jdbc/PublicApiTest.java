package io.scimkit.jdbc;

import io.scimkit.core.PublicApiCheck;

/** The public API of scim-jdbc is the reviewed one in {@code src/test/resources/public-api.txt}. */
class PublicApiTest extends PublicApiCheck {
    PublicApiTest() {
        super("scim-jdbc", JdbcStores.class);
    }
}
