package io.scimkit.examples.existing;

import io.scimkit.core.codec.JsonColumn;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.UserStore;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * SCIM Users (RFC 7643 §4.1) over the application's {@code employees} table: {@code userName} is
 * {@code login} (unique without regard to case through {@code login_key}), {@code externalId} is
 * {@code object_id}, {@code name.givenName} and {@code name.familyName} are {@code first_name} and
 * {@code last_name}, {@code active} is {@code enabled}, the value of the first work email is
 * {@code email}, and everything else, the other emails included, is JSON in {@code scim}. Answers
 * {@code userName eq} and {@code externalId eq} itself.
 *
 * <p>The columns win: the application may change them directly. The JSON keeps the work email's
 * other sub-attributes ({@code primary}, {@code display}); a {@code NULL} {@code email} removes the
 * work email, and a value with no work email in the JSON adds one.
 */
public final class EmployeeStore extends TableStore implements UserStore {

    /** A store over the {@code employees} table of {@code schema.sql} in this data source. */
    public EmployeeStore(DataSource dataSource, SchemaRegistry registry) {
        super(dataSource, JsonColumn.of(registry, "User", "userName", "externalId", "name.givenName",
                "name.familyName", "active", "emails[type eq \"work\"].value"),
                new Table("employees", List.of("login", "object_id", "first_name", "last_name", "enabled", "email",
                        "login_key", "scim"), Map.of("username", "login_key", "externalid", "object_id")));
    }
}
