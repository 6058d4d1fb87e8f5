package io.scimkit.examples;

import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey configuration of an application of singletons, shared by the containers. */
final class JerseyConfig {
    private JerseyConfig() {
    }

    /** The application's singletons, without WADL (SCIM describes itself through /Schemas and /ResourceTypes). */
    static ResourceConfig of(Application application) {
        return new ResourceConfig()
                .registerInstances(application.getSingletons())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
