/**
 * The Jakarta REST adapter: converts a JAX-RS request into a {@code ScimRequest}, calls
 * {@code ScimService} and turns the {@code ScimResponse} back into a JAX-RS response.
 *
 * <p>May import {@code jakarta.ws.rs} (provided scope) and {@code io.scimkit.core}; never a JAX-RS
 * implementation such as Jersey or RESTEasy. Built in issue "JAX-RS adapter and the runnable
 * example server".
 */
package io.scimkit.jaxrs;
