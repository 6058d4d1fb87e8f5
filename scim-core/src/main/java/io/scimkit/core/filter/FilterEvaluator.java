package io.scimkit.core.filter;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import java.util.Objects;

/**
 * Evaluates SCIM filters (RFC 7644 §3.4.2.2) against resources of one resource type, using the
 * schema to decide how each attribute compares. {@link #compile} checks the whole filter up front
 * and returns a {@link ResourceMatcher}; matching then does no schema lookups and never throws.
 *
 * <p>Semantics; where the RFC is silent, the choice we made is marked "we":
 * <ul>
 *   <li>Paths resolve against the resource type (RFC 7644 §3.10): common attributes, the base
 *       schema, and extension attributes qualified by their URN, whose values live in the body's
 *       object keyed by that URN (RFC 7643 §3.3). Inside {@code attr[...]} names are sub-attributes
 *       of {@code attr}.</li>
 *   <li>Strings compare according to the attribute's {@code caseExact} (RFC 7643 §7) with every
 *       operator, folding case locale-independently. References and binary values are
 *       case-exact (RFC 7643 §2.3.6, §2.3.7); the URIs of {@code schemas} are not (RFC 7644 §3.10).</li>
 *   <li>{@code gt ge lt le} order strings lexicographically, integers and decimals numerically
 *       (an integer attribute may be compared with a fraction), and dateTimes chronologically;
 *       {@code eq} on a dateTime means the same instant (Table 3). A dateTime operand is a JSON
 *       string holding an xsd:dateTime.</li>
 *   <li>A multi-valued attribute matches if any of its values does; in a value filter
 *       {@code emails[type eq "work" and value co "x"]} every condition holds on the same element.</li>
 *   <li>The RFC does not say how {@code ne} treats absent or multi-valued attributes; we read
 *       {@code A ne v} as {@code not (A eq v)}: an absent attribute matches {@code ne}, and a
 *       multi-valued attribute matches only when none of its values equals {@code v}.</li>
 *   <li>{@code null} is a legal operand without a stated meaning; we read {@code A eq null} as
 *       {@code not (A pr)} and {@code A ne null} as {@code A pr}.</li>
 *   <li>{@code pr} needs a value (Table 3, RFC 7643 §2.5): absent, {@code null}, {@code []} and a
 *       complex value without a present sub-attribute do not count; we count {@code ""} as absent
 *       too, as the RFC leaves it open.</li>
 *   <li>The RFC asks for a sub-attribute on a complex attribute but its own example is
 *       {@code emails co "x"}; we compare the {@code value} sub-attribute when there is one, so
 *       that is {@code emails.value co "x"}.</li>
 *   <li>Stored values are not coerced: a value of an unexpected kind (say, the string
 *       {@code "true"} in a boolean attribute) simply does not match.</li>
 * </ul>
 *
 * <p>{@code invalidFilter} errors, all raised by {@link #compile} whatever the data: an attribute
 * the resource type does not define (the detail names it; the RFC defines "no value" only for
 * queries across resource types), a sub-attribute of a non-complex attribute, an attribute that is
 * never returned (such as {@code password}), a complex attribute compared without a sub-attribute
 * and without a {@code value} sub-attribute, {@code gt ge lt le} on boolean or binary (Table 3),
 * and, where the RFC is silent and we chose to refuse rather than guess: {@code co sw ew} on
 * anything but string and reference, an operand whose type does not fit the attribute, such as
 * {@code active eq "true"} or {@code meta.lastModified gt 5} (the lenient client dialect
 * types the first before the evaluator sees it, rule {@code filter-string-operands}), {@code null} with an operator other
 * than {@code eq}/{@code ne}, and nested value filters.
 *
 * <p>Immutable and thread-safe.
 */
public final class FilterEvaluator {
    private final SchemaRegistry registry;
    private final ResourceType type;

    private FilterEvaluator(SchemaRegistry registry, ResourceType type) {
        this.registry = registry;
        this.type = type;
    }

    /**
     * An evaluator for resources of the given type.
     *
     * @throws IllegalArgumentException if the registry does not hold the resource type
     */
    public static FilterEvaluator of(SchemaRegistry registry, ResourceType type) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(type, "type");
        if (!registry.resourceType(type.name()).map(type::equals).orElse(false)) {
            throw new IllegalArgumentException("resource type " + type.name() + " is not registered in this registry");
        }
        return new FilterEvaluator(registry, type);
    }

    /** The resource type whose resources this evaluator matches. */
    public ResourceType resourceType() {
        return type;
    }

    /**
     * Checks a filter against the schema and compiles it into a reusable matcher.
     *
     * @throws ScimException {@code invalidFilter} if the filter does not fit the schema (see above)
     */
    public ResourceMatcher compile(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return MatcherCompiler.compile(registry, type, filter);
    }

    /**
     * Whether one resource matches a filter; compiles the filter each time, so prefer
     * {@link #compile} when matching many resources.
     *
     * @param resourceBody the resource body ({@code ScimResource.body()})
     * @throws ScimException {@code invalidFilter} if the filter does not fit the schema
     */
    public boolean matches(Filter filter, ComplexValue resourceBody) {
        Objects.requireNonNull(resourceBody, "resourceBody");
        return compile(filter).matches(resourceBody);
    }
}
