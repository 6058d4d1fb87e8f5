package io.scimkit.core.schema;

import static io.scimkit.core.schema.AttributeType.BINARY;
import static io.scimkit.core.schema.AttributeType.BOOLEAN;
import static io.scimkit.core.schema.AttributeType.COMPLEX;
import static io.scimkit.core.schema.AttributeType.DATE_TIME;
import static io.scimkit.core.schema.AttributeType.REFERENCE;
import static io.scimkit.core.schema.AttributeType.STRING;

import java.util.List;
import java.util.Optional;

/**
 * The schemas RFC 7643 defines, as data: User (§4.1), Group (§4.2) and the Enterprise User
 * extension (§4.3) with every attribute and characteristic of §8.7.1, the common attributes
 * {@code id}, {@code externalId}, {@code meta} and {@code schemas} (§3.1), and the User and Group
 * resource types (§8.6).
 *
 * <p>Deliberate departures from the §8.7.1 JSON, where the RFC contradicts itself:
 * Group {@code displayName} is required, as §4.2 says and verified erratum 5368 confirms;
 * {@code members.display} and {@code addresses.primary} are present, as §2.4 lists them among the
 * default sub-attributes and the RFC examples use them; the binary {@code x509Certificates.value}
 * is case exact, as §2.3.6 says for every binary value. {@code CoreSchemasTest}
 * compares every characteristic with the figure and holds this list as its allow-list.
 */
public final class CoreSchemas {
    /** {@code urn:ietf:params:scim:schemas:core:2.0:User}. */
    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    /** {@code urn:ietf:params:scim:schemas:core:2.0:Group}. */
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}. */
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** The common attributes every resource has outside any schema (RFC 7643 §3.1). */
    public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
            attr("id", STRING).caseExact(true).mutability(Mutability.READ_ONLY).returned(Returned.ALWAYS)
                    .uniqueness(Uniqueness.SERVER)
                    .description("A unique identifier for a SCIM resource as defined by the service provider.").build(),
            attr("externalId", STRING).caseExact(true)
                    .description("A String that is an identifier for the resource as defined by the provisioning client.")
                    .build(),
            attr("meta", COMPLEX).mutability(Mutability.READ_ONLY)
                    .description("A complex attribute containing resource metadata.")
                    .subAttributes(
                            readOnly("resourceType", STRING).caseExact(true)
                                    .description("The name of the resource type of the resource.").build(),
                            readOnly("created", DATE_TIME)
                                    .description("The DateTime that the resource was added to the service provider.").build(),
                            readOnly("lastModified", DATE_TIME)
                                    .description("The most recent DateTime that the details of this resource were updated at the service provider.")
                                    .build(),
                            readOnly("location", REFERENCE).caseExact(true).referenceTypes(List.of("uri"))
                                    .description("The URI of the resource being returned.").build(),
                            readOnly("version", STRING).caseExact(true)
                                    .description("The version of the resource being returned.").build())
                    .build(),
            attr("schemas", REFERENCE).multiValued(true).required(true).returned(Returned.ALWAYS)
                    .referenceTypes(List.of("uri"))
                    .description("The schema URIs that define the attributes present in the resource.").build());

    /** The User schema (RFC 7643 §4.1, §8.7.1). */
    public static final Schema USER = new Schema(USER_URN, "User", "User Account", List.of(
            attr("userName", STRING).required(true).uniqueness(Uniqueness.SERVER)
                    .description("Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value.  This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.")
                    .build(),
            attr("name", COMPLEX)
                    .description("The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both.  If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.")
                    .subAttributes(
                            string("formatted", "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III')."),
                            string("familyName", "The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III')."),
                            string("givenName", "The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III')."),
                            string("middleName", "The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III')."),
                            string("honorificPrefix", "The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III')."),
                            string("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III')."))
                    .build(),
            string("displayName", "The name of the User, suitable for display to end-users.  The name SHOULD be the full name of the User being described, if known."),
            string("nickName", "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'.  This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge')."),
            attr("profileUrl", REFERENCE).referenceTypes(List.of("external"))
                    .description("A fully qualified URL pointing to a page representing the User's online profile.").build(),
            string("title", "The user's title, such as \"Vice President.\""),
            string("userType", "Used to identify the relationship between the organization and the user.  Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used."),
            string("preferredLanguage", "Indicates the User's preferred written or spoken language.  Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US."),
            string("locale", "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations."),
            string("timezone", "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'."),
            attr("active", BOOLEAN).description("A Boolean value indicating the User's administrative status.").build(),
            attr("password", STRING).mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER)
                    .description("The User's cleartext password.  This attribute is intended to be used as a means to specify an initial password when creating a new User or to reset an existing User's password.")
                    .build(),
            multiValued("emails", "Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.",
                    attr("value", STRING).description("Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'."),
                    "A human-readable name, primarily used for display purposes.  READ-ONLY.",
                    "A label indicating the attribute's function, e.g., 'work' or 'home'.",
                    List.of("work", "home", "other"),
                    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address.  The primary attribute value 'true' MUST appear no more than once."),
            multiValued("phoneNumbers", "Phone numbers for the User.  The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
                    attr("value", STRING).description("Phone number of the User."),
                    "A human-readable name, primarily used for display purposes.  READ-ONLY.",
                    "A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.",
                    List.of("work", "home", "mobile", "fax", "pager", "other"),
                    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred phone number or primary phone number.  The primary attribute value 'true' MUST appear no more than once."),
            multiValued("ims", "Instant messaging addresses for the User.",
                    attr("value", STRING).description("Instant messaging address for the User."),
                    "A human-readable name, primarily used for display purposes.  READ-ONLY.",
                    "A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.",
                    List.of("aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
                    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred messenger or primary messenger.  The primary attribute value 'true' MUST appear no more than once."),
            multiValued("photos", "URLs of photos of the User.",
                    attr("value", REFERENCE).referenceTypes(List.of("external")).description("URL of a photo of the User."),
                    "A human-readable name, primarily used for display purposes.  READ-ONLY.",
                    "A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.",
                    List.of("photo", "thumbnail"),
                    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred photo or thumbnail.  The primary attribute value 'true' MUST appear no more than once."),
            attr("addresses", COMPLEX).multiValued(true)
                    .description("A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'.  This attribute is a complex type with the following sub-attributes.")
                    .subAttributes(
                            string("formatted", "The full mailing address, formatted for display or use with a mailing label.  This attribute MAY contain newlines."),
                            string("streetAddress", "The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information.  This attribute MAY contain newlines."),
                            string("locality", "The city or locality component."),
                            string("region", "The state or region component."),
                            string("postalCode", "The zip code or postal code component."),
                            string("country", "The country name component."),
                            attr("type", STRING).canonicalValues(List.of("work", "home", "other"))
                                    .description("A label indicating the attribute's function, e.g., 'work' or 'home'.").build(),
                            attr("primary", BOOLEAN)
                                    .description("A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.")
                                    .build())
                    .build(),
            attr("groups", COMPLEX).multiValued(true).mutability(Mutability.READ_ONLY)
                    .description("A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.")
                    .subAttributes(
                            readOnly("value", STRING).description("The identifier of the User's group.").build(),
                            readOnly("$ref", REFERENCE).referenceTypes(List.of("User", "Group"))
                                    .description("The URI of the corresponding 'Group' resource to which the user belongs.").build(),
                            readOnly("display", STRING)
                                    .description("A human-readable name, primarily used for display purposes.  READ-ONLY.").build(),
                            readOnly("type", STRING).canonicalValues(List.of("direct", "indirect"))
                                    .description("A label indicating the attribute's function, e.g., 'direct' or 'indirect'.").build())
                    .build(),
            multiValued("entitlements", "A list of entitlements for the User that represent a thing the User has.",
                    attr("value", STRING).description("The value of an entitlement."),
                    "A human-readable name, primarily used for display purposes.  READ-ONLY.",
                    "A label indicating the attribute's function.",
                    List.of(),
                    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once."),
            multiValued("roles", "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
                    attr("value", STRING).description("The value of a role."),
                    "A human-readable name, primarily used for display purposes.  READ-ONLY.",
                    "A label indicating the attribute's function.",
                    List.of(),
                    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once."),
            multiValued("x509Certificates", "A list of certificates issued to the User.",
                    // Binary is case exact (§2.3.6) although the §8.7.1 figure says caseExact=false.
                    attr("value", BINARY).caseExact(true).description("The value of an X.509 certificate."),
                    "A human-readable name, primarily used for display purposes.  READ-ONLY.",
                    "A label indicating the attribute's function.",
                    List.of(),
                    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.")));

    /** The Group schema (RFC 7643 §4.2, §8.7.1, erratum 5368). */
    public static final Schema GROUP = new Schema(GROUP_URN, "Group", "Group", List.of(
            attr("displayName", STRING).required(true)
                    .description("A human-readable name for the Group. REQUIRED.").build(),
            attr("members", COMPLEX).multiValued(true)
                    .description("A list of members of the Group.")
                    .subAttributes(
                            immutable("value", STRING).description("Identifier of the member of this Group.").build(),
                            immutable("$ref", REFERENCE).referenceTypes(List.of("User", "Group"))
                                    .description("The URI corresponding to a SCIM resource that is a member of this Group.").build(),
                            immutable("type", STRING).canonicalValues(List.of("User", "Group"))
                                    .description("A label indicating the type of resource, e.g., 'User' or 'Group'.").build(),
                            immutable("display", STRING)
                                    .description("A human-readable name, primarily used for display purposes.  READ-ONLY.").build())
                    .build()));

    /** The Enterprise User extension (RFC 7643 §4.3, §8.7.1). */
    public static final Schema ENTERPRISE_USER = new Schema(ENTERPRISE_USER_URN, "EnterpriseUser",
            "Enterprise User", List.of(
            string("employeeNumber", "Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization."),
            string("costCenter", "Identifies the name of a cost center."),
            string("organization", "Identifies the name of an organization."),
            string("division", "Identifies the name of a division."),
            string("department", "Identifies the name of a department."),
            attr("manager", COMPLEX)
                    .description("The User's manager.  A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.")
                    .subAttributes(
                            string("value", "The id of the SCIM resource representing the User's manager.  REQUIRED."),
                            attr("$ref", REFERENCE).referenceTypes(List.of("User"))
                                    .description("The URI of the SCIM resource representing the User's manager.  REQUIRED.").build(),
                            readOnly("displayName", STRING)
                                    .description("The displayName of the User's manager. OPTIONAL and READ-ONLY.").build())
                    .build()));

    /** The User resource type at {@code /Users}, with the optional Enterprise User extension. */
    public static final ResourceType USER_RESOURCE_TYPE = ResourceType.of("User", "User Account", "/Users",
            USER_URN, List.of(new SchemaExtension(ENTERPRISE_USER_URN, false)));

    /** The Group resource type at {@code /Groups}. */
    public static final ResourceType GROUP_RESOURCE_TYPE = ResourceType.of("Group", "Group", "/Groups",
            GROUP_URN, List.of());

    private CoreSchemas() {
    }

    /** The common attribute (RFC 7643 §3.1) with this name, ignoring case. */
    public static Optional<AttributeDefinition> commonAttribute(String name) {
        for (AttributeDefinition attribute : COMMON_ATTRIBUTES) {
            if (attribute.name().equalsIgnoreCase(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    private static AttributeDefinition.Builder attr(String name, AttributeType type) {
        return AttributeDefinition.builder(name).type(type);
    }

    private static AttributeDefinition.Builder readOnly(String name, AttributeType type) {
        return attr(name, type).mutability(Mutability.READ_ONLY);
    }

    private static AttributeDefinition.Builder immutable(String name, AttributeType type) {
        return attr(name, type).mutability(Mutability.IMMUTABLE);
    }

    private static AttributeDefinition string(String name, String description) {
        return attr(name, STRING).description(description).build();
    }

    /** A multi-valued complex attribute with the RFC 7643 §2.4 sub-attributes value, display, type, primary. */
    private static AttributeDefinition multiValued(String name, String description, AttributeDefinition.Builder value,
            String displayDescription, String typeDescription, List<String> typeValues, String primaryDescription) {
        return attr(name, COMPLEX).multiValued(true).description(description)
                .subAttributes(
                        value.build(),
                        string("display", displayDescription),
                        attr("type", STRING).canonicalValues(typeValues).description(typeDescription).build(),
                        attr("primary", BOOLEAN).description(primaryDescription).build())
                .build();
    }
}
