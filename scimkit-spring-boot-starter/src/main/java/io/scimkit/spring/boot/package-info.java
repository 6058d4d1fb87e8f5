/**
 * Spring Boot auto-configuration for scimkit: a SCIM 2.0 service provider (RFC 7643, RFC 7644) served
 * by Jersey on its own servlet at {@code scimkit.base-path} (default {@code /scim/v2}), next to the
 * application's own Spring MVC controllers.
 *
 * <p>What it builds, each part backing off when the application defines a bean of the same type:
 * the {@link io.scimkit.core.schema.SchemaRegistry} (the core User and Group schemas), the stores
 * (the application's {@link io.scimkit.core.store.UserStore} and {@link io.scimkit.core.store.GroupStore},
 * else scim-jdbc's over the application's {@code DataSource}), the
 * {@link io.scimkit.jaxrs.ScimAuthenticator} (bearer tokens per tenant from {@code scimkit.tokens}), the
 * {@link io.scimkit.core.ScimService} and the {@link io.scimkit.jaxrs.ScimEndpoint}. Properties:
 * {@link io.scimkit.spring.boot.ScimkitProperties}.
 */
@NullMarked
package io.scimkit.spring.boot;

import org.jspecify.annotations.NullMarked;
