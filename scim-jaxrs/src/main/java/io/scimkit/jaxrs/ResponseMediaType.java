package io.scimkit.jaxrs;

import io.scimkit.core.protocol.ScimResponse;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the {@code Content-Type} of a SCIM response body from the request's {@code Accept} fields
 * (RFC 7644 §3.8, §8.1): {@code application/scim+json}, unless the client accepts
 * {@code application/json} but not {@code application/scim+json}. Never refuses: the RFC does not
 * say what to answer to an unacceptable {@code Accept}, and a client that accepts neither still
 * gets {@code application/scim+json} rather than a 406 it may not handle.
 */
final class ResponseMediaType {
    static final String SCIM_JSON = "application/scim+json";
    static final String JSON = "application/json";

    private ResponseMediaType() {
    }

    /** The media type for a response to a request with these {@code Accept} field values. */
    static String choose(List<String> acceptFields) {
        if (quality(acceptFields, "application", "scim+json") > 0) {
            return SCIM_JSON;
        }
        if (quality(acceptFields, "application", "json") > 0) {
            return JSON;
        }
        return SCIM_JSON;
    }

    /**
     * The {@code Content-Type} to send with a response's body: the negotiated {@code mediaType} in
     * place of the service's {@code application/scim+json}; any other type the response names (none
     * of the service's today) as it is.
     */
    static String contentType(ScimResponse response, String mediaType) {
        String named = null;
        for (var header : response.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                named = header.getValue();
            }
        }
        return named == null || named.equalsIgnoreCase(ScimResponse.SCIM_JSON) ? mediaType : named;
    }

    /**
     * The quality the {@code Accept} fields give a media type, taken from the most specific matching
     * range (RFC 9110 §12.5.1: {@code type/subtype} over {@code type/*} over {@code *}{@code /*}); 1
     * without any field, 0 if no range matches.
     */
    static double quality(List<String> acceptFields, String type, String subtype) {
        boolean anyRange = false;
        int bestSpecificity = -1;
        double bestQuality = 0;
        for (String field : acceptFields) {
            for (String element : field.split(",")) {
                String[] parts = element.split(";");
                String range = parts[0].strip().toLowerCase(Locale.ROOT);
                if (range.isEmpty()) {
                    continue;
                }
                anyRange = true;
                int specificity = specificity(range, type, subtype);
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    bestQuality = qualityParameter(parts);
                }
            }
        }
        if (!anyRange) {
            return 1;
        }
        return bestSpecificity < 0 ? 0 : bestQuality;
    }

    /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 for no match. */
    private static int specificity(String range, String type, String subtype) {
        int slash = range.indexOf('/');
        if (slash < 0) {
            return range.equals("*") ? 0 : -1;
        }
        String rangeType = range.substring(0, slash).strip();
        String rangeSubtype = range.substring(slash + 1).strip();
        if (rangeType.equals("*") && rangeSubtype.equals("*")) {
            return 0;
        }
        if (!rangeType.equals(type)) {
            return -1;
        }
        if (rangeSubtype.equals("*")) {
            return 1;
        }
        return rangeSubtype.equals(subtype) ? 2 : -1;
    }

    /** The {@code q} parameter (1 if absent or unreadable: an odd weight should not cost an answer). */
    private static double qualityParameter(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(parameter.substring(equals + 1).strip());
                    return q >= 0 && q <= 1 ? q : 1;
                } catch (NumberFormatException unreadable) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
