/**
 * The Entra ID provisioning testkit: scenarios as data, in-process and HTTP targets, a JUnit 5
 * integration, a CLI and a load mode.
 *
 * <p>May import {@code io.scimkit.core}, {@code java.net.http} and json-path; reaches a live server
 * only over HTTP and never depends on {@code scim-jaxrs}.
 */
package io.scimkit.testkit;
