package io.scimkit.testkit;

import io.scimkit.core.PublicApiCheck;
import io.scimkit.testkit.target.Target;

/** The public API of scim-testkit is the reviewed one in {@code src/test/resources/public-api.txt}. */
class PublicApiTest extends PublicApiCheck {
    PublicApiTest() {
        super("scim-testkit", Target.class);
    }
}
