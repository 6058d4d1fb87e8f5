package io.scimkit.jaxrs;

/** {@link AdapterSuite} on Jersey 4 with Grizzly, started through {@code SeBootstrap}. */
class JerseyIT extends AdapterSuite {
    @Override
    String runtimePackage() {
        return "org.glassfish.jersey";
    }

    @Override
    boolean runtimeErrorsPassTheResponseFilters() {
        return true;
    }
}
