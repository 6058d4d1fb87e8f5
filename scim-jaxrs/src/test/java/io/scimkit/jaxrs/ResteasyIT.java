package io.scimkit.jaxrs;

/** {@link AdapterSuite} on RESTEasy 7 with Undertow, started through {@code SeBootstrap}. */
class ResteasyIT extends AdapterSuite {
    @Override
    String runtimePackage() {
        return "org.jboss.resteasy";
    }

    @Override
    boolean runtimeErrorsPassTheResponseFilters() {
        return false;
    }
}
