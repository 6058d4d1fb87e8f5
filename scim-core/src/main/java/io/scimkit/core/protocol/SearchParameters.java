package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.message.internal.SearchRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the query parameters of {@code GET /{endpoint}} (RFC 7644 §3.4.2, RFC 9865 §2) into the
 * {@link SearchRequest} a {@code .search} body would give, so both run the same way (RFC 7644
 * §3.4.3). Parameter names ignore case; parameters a query does not know are ignored (e.g. Entra's
 * {@code aadOptscim062020}).
 *
 * <ul>
 *   <li>{@code attributes}, {@code excludedAttributes}: comma-separated lists, kept as sent;
 *   <li>{@code startIndex}, {@code count}: decimal integers, an empty value counting as absent;
 *       anything else is 400 {@code invalidValue}; values beyond the 32-bit range saturate (they
 *       are clamped later anyway);
 *   <li>{@code cursor}: present even as {@code cursor} or {@code cursor=}, which asks for the first
 *       cursor page (RFC 9865 §2).
 * </ul>
 */
final class SearchParameters {
    private SearchParameters() {
    }

    /**
     * The query the parameters ask for.
     *
     * @throws ScimException 400 {@code invalidValue} for a {@code startIndex} or {@code count} that
     *     is not an integer
     */
    static SearchRequest read(QueryParameters query) {
        return new SearchRequest(List.of(SearchRequest.SEARCH_REQUEST_URN),
                query.asMap().getOrDefault("attributes", List.of()),
                query.asMap().getOrDefault("excludedAttributes", List.of()),
                query.first("filter").orElse(null),
                query.first("sortBy").orElse(null),
                query.first("sortOrder").orElse(null),
                integer(query, "startIndex"),
                integer(query, "count"),
                query.has("cursor") ? query.first("cursor").orElse("") : null);
    }

    private static @Nullable Integer integer(QueryParameters query, String name) {
        String text = query.first(name).orElse("").strip();
        if (text.isEmpty()) {
            return null;
        }
        int digits = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (digits == text.length()) {
            throw notAnInteger(name);
        }
        for (int i = digits; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw notAnInteger(name);
            }
        }
        boolean negative = text.charAt(0) == '-';
        String magnitude = text.substring(digits).replaceFirst("^0+(?=.)", "");
        if (magnitude.length() > 10) {
            return negative ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        long value = Long.parseLong(magnitude);
        value = negative ? -value : value;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static ScimException notAnInteger(String name) {
        return ScimException.invalidValue("the " + name + " parameter must be an integer (RFC 7644 §3.4.2.4)");
    }
}
