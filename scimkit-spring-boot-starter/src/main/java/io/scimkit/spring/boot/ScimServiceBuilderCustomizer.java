package io.scimkit.spring.boot;

import io.scimkit.core.ScimService;

/**
 * Adjusts the {@link ScimService} the auto-configuration builds, after it applied the
 * {@code scimkit.*} properties and the stores: e.g. a {@code /Me} resolver (RFC 7644 §3.11), how PATCH
 * answers, a store for a resource type of your own schema registry. Every bean of this type is applied,
 * in {@code @Order}. Not used when the application defines its own {@code ScimService} bean.
 *
 * <pre>{@code
 * @Bean
 * ScimServiceBuilderCustomizer me(MyUsers users) {
 *     return builder -> builder.meResolver(principal -> users.idOf(principal));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ScimServiceBuilderCustomizer {

    /** Changes the builder; the stores and properties are already set. */
    void customize(ScimService.Builder builder);
}
