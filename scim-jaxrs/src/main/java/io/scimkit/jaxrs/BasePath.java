package io.scimkit.jaxrs;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where SCIM lives inside the Jakarta REST application: a path such as {@code scim/v2} below the
 * application's root (RFC 7644 §1.3 allows any prefix). Kept without leading or
 * trailing slash; empty means the application root. Limited to unreserved characters so it needs no
 * percent-encoding and compares with the decoded request path as is.
 */
record BasePath(String value) {
    private static final Pattern SEGMENTS = Pattern.compile("([A-Za-z0-9\\-._~]+)(/[A-Za-z0-9\\-._~]+)*");

    BasePath {
        if (!value.isEmpty() && !SEGMENTS.matcher(value).matches()) {
            throw new IllegalArgumentException("a base path is '/' or segments of letters, digits and -._~ "
                    + "separated by '/', e.g. /scim/v2");
        }
        for (String segment : value.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("a base path has no '.' or '..' segments");
            }
        }
    }

    /** Parses {@code /scim/v2}, {@code scim/v2/}, {@code /} and the like. */
    static BasePath parse(String text) {
        String value = text.strip();
        while (value.startsWith("/")) {
            value = value.substring(1);
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return new BasePath(value);
    }

    /**
     * The SCIM path of a request: the part of its (decoded) path below this base, starting with
     * {@code /}; empty if the request is not below this base. Matches whole segments only:
     * {@code scim/v2x} is not below {@code scim/v2}.
     */
    Optional<String> below(String applicationRelativePath) {
        String path = applicationRelativePath.startsWith("/") ? applicationRelativePath.substring(1)
                : applicationRelativePath;
        if (value.isEmpty()) {
            return Optional.of("/" + path);
        }
        if (path.equals(value)) {
            return Optional.of("/");
        }
        if (path.startsWith(value) && path.charAt(value.length()) == '/') {
            return Optional.of(path.substring(value.length()));
        }
        return Optional.empty();
    }

    /**
     * The absolute SCIM base URI of a request, from the application's base URI as the runtime saw it
     * (scheme, host, port and application root): {@code http://host:8080/app/} gives
     * {@code http://host:8080/app/scim/v2}. Used for {@code Location} and {@code meta.location}.
     */
    URI resolve(URI applicationBase) {
        String base = applicationBase.toString();
        int cut = base.length();
        // The application base URI has no query or fragment; strip them defensively all the same.
        for (char stop : new char[] {'?', '#'}) {
            int at = base.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        base = base.substring(0, cut);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(value.isEmpty() ? base : base + "/" + value);
    }

    @Override
    public String toString() {
        return "/" + value;
    }
}
