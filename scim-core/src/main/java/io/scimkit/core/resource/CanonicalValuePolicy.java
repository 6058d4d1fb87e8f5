package io.scimkit.core.resource;

/**
 * What to do with a value outside an attribute's {@code canonicalValues} (RFC 7643 §2.3.1, §7):
 * the RFC lets a service provider restrict such attributes to their canonical
 * values or accept anything.
 */
public enum CanonicalValuePolicy {
    /** Accept any value; the default, since clients send types such as {@code "mobile2"} or {@code "Work"}. */
    ACCEPT_ANY,
    /** Refuse a value that is not canonical (compared ignoring case unless the attribute is caseExact) with 400 {@code invalidValue}. */
    REJECT
}
