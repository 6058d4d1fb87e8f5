package io.scimkit.core.patch;

import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.schema.UnknownAttributePolicy;
import java.util.Objects;

/**
 * How the {@link PatchEngine} reads and applies PATCH operations (RFC 7644 §3.5.2) where the RFC
 * and real clients disagree. Immutable; start from a preset and adjust with the {@code with...}
 * methods. A dialect builds these from its rules, so the component names are part of the API.
 *
 * @param filters how value filters inside paths ({@code emails[type eq "work"]}) are parsed
 * @param unknownAttributes what an unknown attribute or sub-attribute in a path or a path-less
 *     value does: {@code REJECT} answers 400 {@code invalidPath}, {@code IGNORE} skips it
 * @param upsertUnmatchedValueFilter Entra quirk Q6 (see {@code docs/entra-quirks.md}): an {@code add} or
 *     {@code replace} whose value filter ({@code eq} or an {@code and} of {@code eq}s) matches no
 *     element creates one element holding the filter's pairs instead of answering 400
 *     {@code noTarget}
 * @param removeWithValueRemovesListed Entra quirk Q4: {@code remove} with path
 *     {@code members} and a {@code value} array removes only the listed elements instead of
 *     answering 400 {@code invalidValue}
 */
public record PatchSettings(FilterSettings filters, UnknownAttributePolicy unknownAttributes,
        boolean upsertUnmatchedValueFilter, boolean removeWithValueRemovesListed) {

    public PatchSettings {
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(unknownAttributes, "unknownAttributes");
    }

    /** RFC 7644 as written: strict filters, unknown attributes rejected, no upsert, no listed remove. */
    public static PatchSettings strict() {
        return new PatchSettings(FilterSettings.strict(), UnknownAttributePolicy.REJECT, false, false);
    }

    /** What Entra ID and other real clients need: lenient filters, unknown attributes ignored, Q4 and Q6 on. */
    public static PatchSettings lenient() {
        return new PatchSettings(FilterSettings.lenient(), UnknownAttributePolicy.IGNORE, true, true);
    }

    /** A copy with other filter settings. */
    public PatchSettings withFilters(FilterSettings value) {
        return new PatchSettings(value, unknownAttributes, upsertUnmatchedValueFilter, removeWithValueRemovesListed);
    }

    /** A copy with another unknown-attribute policy. */
    public PatchSettings withUnknownAttributes(UnknownAttributePolicy value) {
        return new PatchSettings(filters, value, upsertUnmatchedValueFilter, removeWithValueRemovesListed);
    }

    /** A copy with the Q6 upsert switched on or off. */
    public PatchSettings withUpsertUnmatchedValueFilter(boolean value) {
        return new PatchSettings(filters, unknownAttributes, value, removeWithValueRemovesListed);
    }

    /** A copy with the Q4 listed remove switched on or off. */
    public PatchSettings withRemoveWithValueRemovesListed(boolean value) {
        return new PatchSettings(filters, unknownAttributes, upsertUnmatchedValueFilter, value);
    }
}
