/**
 * JUnit 5 integration: {@link io.scimkit.testkit.junit.EntraConformance} and
 * {@link io.scimkit.testkit.junit.OktaConformance} turn the bundled catalogues into dynamic tests, one container per scenario run and one test per step. JUnit is an optional
 * dependency of the testkit; only this package needs it.
 */
@NullMarked
package io.scimkit.testkit.junit;

import org.jspecify.annotations.NullMarked;
