package io.scimkit.spring.boot;

import io.scimkit.core.PublicApiCheck;

/** The public API of scimkit-spring-boot-starter is the reviewed one in {@code src/test/resources/public-api.txt}. */
class PublicApiTest extends PublicApiCheck {
    PublicApiTest() {
        super("scimkit-spring-boot-starter", ScimkitProperties.class);
    }
}
