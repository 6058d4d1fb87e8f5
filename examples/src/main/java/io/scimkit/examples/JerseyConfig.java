package io.scimkit.examples;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/** The Jersey configuration of an application of singletons, shared by the containers. */
final class JerseyConfig {
    private JerseyConfig() {
    }

    /**
     * The application's singletons, without WADL (SCIM describes itself through /Schemas and
     * /ResourceTypes). A resource instance goes in as a programmatic resource whose methods that
     * instance handles, the model Jersey reads from its annotations: registered as an instance,
     * Jersey 4.0 also checks it as a provider and warns at start that it "does not implement any
     * provider interfaces", though it serves it. Providers (such as the access log filter) are
     * registered as they are.
     */
    static ResourceConfig of(Application application) {
        ResourceConfig config = new ResourceConfig().property(ServerProperties.WADL_FEATURE_DISABLE, true);
        for (Object singleton : application.getSingletons()) {
            if (singleton.getClass().isAnnotationPresent(Path.class)) {
                config.registerResources(handledBy(singleton));
            } else {
                config.register(singleton);
            }
        }
        return config;
    }

    private static Resource handledBy(Object instance) {
        return handledBy(Resource.from(instance.getClass()), instance);
    }

    /** The model with every method, its sub-resource methods included, handled by the instance. */
    private static Resource handledBy(Resource model, Object instance) {
        Resource.Builder resource = Resource.builder(model.getPath());
        for (ResourceMethod method : model.getResourceMethods()) {
            resource.addMethod(method.getHttpMethod())
                    .consumes(method.getConsumedTypes())
                    .produces(method.getProducedTypes())
                    .handledBy(instance, method.getInvocable().getHandlingMethod());
        }
        for (Resource child : model.getChildResources()) {
            resource.addChildResource(handledBy(child, instance));
        }
        return resource.build();
    }
}
