package io.scimkit.micrometer;

import io.scimkit.core.PublicApiCheck;

/** The public API of scimkit-micrometer is the reviewed one in {@code src/test/resources/public-api.txt}. */
class PublicApiTest extends PublicApiCheck {
    PublicApiTest() {
        super("scimkit-micrometer", ScimMetrics.class);
    }
}
