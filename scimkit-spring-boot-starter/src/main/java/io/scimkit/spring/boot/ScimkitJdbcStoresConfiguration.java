package io.scimkit.spring.boot;

import io.scimkit.core.ScimService;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.jaxrs.ScimEndpoint;
import io.scimkit.jdbc.JdbcGroupStore;
import io.scimkit.jdbc.JdbcStoreOptions;
import io.scimkit.jdbc.JdbcStores;
import io.scimkit.jdbc.JdbcUserStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default stores: scim-jdbc's User and Group stores in the application's {@code DataSource}
 * (H2 2.x or PostgreSQL 15+; the {@code scim_*} tables are created or migrated at start-up). Only when
 * the application defines neither a {@code UserStore} nor a {@code GroupStore} (nor its own
 * {@code ScimService} or {@code ScimEndpoint}), and has exactly one {@code DataSource} (or one marked {@code @Primary}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcStores.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnMissingBean({UserStore.class, GroupStore.class, ScimService.class, ScimEndpoint.class})
final class ScimkitJdbcStoresConfiguration {

    @Bean
    JdbcStores scimkitJdbcStores(DataSource dataSource, SchemaRegistry registry, ScimkitProperties properties) {
        return JdbcStores.create(dataSource, registry,
                JdbcStoreOptions.DEFAULTS.withCursorTimeout(properties.limits().cursorTimeout()));
    }

    @Bean
    JdbcUserStore scimkitUserStore(JdbcStores stores) {
        return stores.users();
    }

    @Bean
    JdbcGroupStore scimkitGroupStore(JdbcStores stores) {
        return stores.groups();
    }
}
