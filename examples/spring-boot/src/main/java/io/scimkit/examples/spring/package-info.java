/** A Spring Boot application that serves its own API and SCIM 2.0 through scimkit-spring-boot-starter. */
package io.scimkit.examples.spring;
