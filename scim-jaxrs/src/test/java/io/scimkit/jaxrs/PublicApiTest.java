package io.scimkit.jaxrs;

import io.scimkit.core.PublicApiCheck;

/** The public API of scim-jaxrs is the reviewed one in {@code src/test/resources/public-api.txt}. */
class PublicApiTest extends PublicApiCheck {
    PublicApiTest() {
        super("scim-jaxrs", ScimEndpoint.class);
    }
}
