package io.scimkit.examples.store;

import io.scimkit.core.store.UserStore;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;

/**
 * SCIM Users (RFC 7643 §4.1) over the application's own {@link Person} rows. All this class says
 * is which attributes have a column and how they map: {@code userName}, {@code externalId},
 * {@code displayName} and {@code active} go to fields of the row, everything else to
 * {@link Person#rest()}, so that every attribute a client sends comes back.
 *
 * <p>The rest is shared with {@link TeamStore}: the store assigns {@code id} and {@code meta}
 * (RFC 7643 §3.1), keeps {@code userName} unique per tenant without regard to case (RFC 7643
 * §4.1.1; 409 {@code uniqueness}, RFC 7644 §3.3), and {@code externalId} too if asked to, refuses a
 * write whose expected version is stale (412, RFC 7644 §3.14), and answers {@code userName eq} and
 * {@code externalId eq}, the lookups an identity provider makes before it creates a user, from an
 * index. It declares just those two lookups in {@code capabilities()}; every other filter, sorting
 * and paging (RFC 7644 §3.4.2) the core does over a plain listing of the tenant's people.
 *
 * <p>A user store needs nothing from the group store: the core removes a deleted user from every
 * group (RFC 7644 §3.6 leaves that to the service provider), and fills the read-only
 * {@code groups} attribute (RFC 7643 §4.1.2) from {@link TeamStore#groupsOf}. Thread-safe: one lock
 * makes every check-then-write atomic and every read consistent.
 */
public final class PersonStore extends MapStore<Person> implements UserStore {

    /**
     * An empty store.
     *
     * @param uniqueExternalId whether {@code externalId} is unique per tenant too (RFC 7643 §3.1
     *     does not require it; some applications want it)
     */
    public PersonStore(boolean uniqueExternalId) {
        super("userName", uniqueExternalId);
    }

    @Override
    Person toRow(ComplexValue attributes) {
        // The core validated the attributes: userName is there (RFC 7643 §4.1.1).
        return new Person(text(attributes, "userName"), text(attributes, "externalId"), text(attributes, "displayName"),
                attributes.getOrNull("active") instanceof BooleanValue active ? active.value() : null,
                attributes.without("userName").without("externalId").without("displayName").without("active"));
    }

    @Override
    ComplexValue attributes(Person person) {
        ComplexValue attributes = with(with(with(person.rest(), "userName", person.userName()),
                "externalId", person.externalId()), "displayName", person.displayName());
        return person.active() == null ? attributes : attributes.with("active", BooleanValue.of(person.active()));
    }
}
