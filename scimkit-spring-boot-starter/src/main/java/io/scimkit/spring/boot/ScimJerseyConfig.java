package io.scimkit.spring.boot;

import io.scimkit.jaxrs.ScimEndpoint;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.springframework.context.ApplicationContext;

/**
 * The Jersey application of the SCIM servlet: the {@link ScimEndpoint} instance as the only resource,
 * its {@link ScimEndpoint#errorBodies() error body filter} (Jersey's own errors, such as its 400 to an
 * unparseable {@code Accept} header, as RFC 7644 §3.12 bodies), and nothing that other jars on the class
 * path would add.
 */
final class ScimJerseyConfig {
    /** jersey-spring6 takes the Spring context from this property instead of creating one from XML. */
    static final String SPRING_CONTEXT = "contextConfig";

    private ScimJerseyConfig() {
    }

    /**
     * The configuration serving {@code endpoint}. The endpoint goes in as a programmatic resource whose
     * methods that instance handles, the model Jersey reads from its annotations: registered as an instance
     * (as {@code register(endpoint)} or {@code Application.getSingletons()} do), Jersey 4.0 also checks it
     * as a provider and logs that it "does not implement any provider interfaces", though it serves it.
     */
    static ResourceConfig of(ScimEndpoint endpoint, ApplicationContext context) {
        Resource model = Resource.from(ScimEndpoint.class);
        Resource.Builder resource = Resource.builder(model.getPath());
        for (ResourceMethod method : model.getResourceMethods()) {
            resource.addMethod(method.getHttpMethod())
                    .consumes(method.getConsumedTypes())
                    .produces(method.getProducedTypes())
                    .handledBy(endpoint, method.getInvocable().getHandlingMethod());
        }
        return new ResourceConfig()
                .registerResources(resource.build())
                .register(endpoint.errorBodies())
                // SCIM describes itself through /Schemas and /ResourceTypes (RFC 7644 §4), not WADL.
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // The endpoint reads and writes bytes itself: no JSON binding, bean validation or other
                // feature that jars on the application's class path would otherwise switch on here.
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(SPRING_CONTEXT, context);
    }
}
