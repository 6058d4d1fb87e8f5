package io.scimkit.core;

/** The public API of scim-core is the reviewed one in {@code src/test/resources/public-api.txt}. */
class PublicApiTest extends PublicApiCheck {
    PublicApiTest() {
        super("scim-core", ScimService.class);
    }
}
