/**
 * An example of SCIM Users and Groups kept in the application's own data: {@link
 * io.scimkit.examples.store.Person} and {@link io.scimkit.examples.store.Team} rows in maps that
 * stand in for tables, served by {@link io.scimkit.examples.store.PersonStore} and {@link
 * io.scimkit.examples.store.TeamStore}.
 *
 * <p>It shows how little a store has to do. It maps rows to attributes and back, keeping what has
 * no column in a {@code rest} value; assigns {@code id} and {@code meta} (RFC 7643 §3.1); keeps the
 * unique attributes unique (RFC 7644 §3.3); compares versions (RFC 7644 §3.14); answers the two
 * lookups identity providers make from an index; and applies member changes (RFC 7643 §4.2). The
 * core does the rest: it validates bodies and applies PATCH (RFC 7644 §3.5.2), drops client-sent
 * {@code id} and {@code meta}, fills {@code schemas} and {@code meta.location}, evaluates any other
 * filter, sorts and pages (RFC 7644 §3.4.2), and removes a deleted user from its groups.
 *
 * <p>Wire the two stores into a service with
 * {@code ScimService.builder().userStore(new PersonStore(false)).groupStore(new TeamStore(false))};
 * the store contract suite and the Entra ID scenarios of scim-testkit check them (see the tests of
 * this package).
 */
@NullMarked
package io.scimkit.examples.store;

import org.jspecify.annotations.NullMarked;
