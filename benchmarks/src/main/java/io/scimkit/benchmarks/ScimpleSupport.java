package io.scimkit.benchmarks;

import java.util.List;
import java.util.function.Predicate;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.apache.directory.scim.spec.resources.Address;
import org.apache.directory.scim.spec.resources.Email;
import org.apache.directory.scim.spec.resources.Name;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.apache.directory.scim.spec.schema.Schema;
import org.apache.directory.scim.spec.schema.Schemas;

/**
 * Apache SCIMple (scim-spec-schema 1.0.0-M1) through its public API: {@code new Filter(String)}
 * parses with its ANTLR grammar; {@code FilterExpressions.inMemory(Filter, Schema)} builds its
 * in-memory predicate over a {@link ScimUser} bean.
 */
final class ScimpleSupport {
    /** SCIMple's User schema, derived from the annotated {@link ScimUser} class. */
    static final Schema USER_SCHEMA = Schemas.schemaFor(ScimUser.class);

    private ScimpleSupport() {
    }

    static Filter parse(String text) {
        try {
            return new Filter(text);
        } catch (FilterParseException e) {
            throw new IllegalArgumentException("SCIMple rejected " + text, e);
        }
    }

    static Predicate<ScimResource> compile(Filter filter) {
        return FilterExpressions.inMemory(filter, USER_SCHEMA);
    }

    /**
     * The Entra sample user as a SCIMple bean. Phone numbers are left out: SCIMple's
     * {@code PhoneNumber.setValue} demands RFC 3966 syntax and rejects Entra's "+1 555 0100"; no
     * benchmarked filter reads them. The enterprise extension is left out for the same reason.
     */
    static ScimUser user() {
        ScimUser user = new ScimUser();
        user.setExternalId("alice");
        user.setUserName("alice@contoso.example");
        user.setActive(true);
        user.setDisplayName("Alice Example");
        user.setTitle("Staff Engineer");
        user.setPreferredLanguage("en-US");
        Email email = new Email();
        email.setPrimary(true);
        email.setType("work");
        email.setValue("alice@contoso.example");
        user.setEmails(List.of(email));
        Name name = new Name();
        name.setFormatted("Alice Example");
        name.setFamilyName("Example");
        name.setGivenName("Alice");
        user.setName(name);
        Address address = new Address();
        address.setType("work");
        address.setFormatted("Building 7");
        address.setStreetAddress("1 Main Street");
        address.setLocality("Springfield");
        address.setRegion("WA");
        address.setPostalCode("98000");
        address.setCountry("US");
        user.setAddresses(List.of(address));
        user.setRoles(List.of());
        return user;
    }
}
