package io.scimkit.core.resource;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The problems one validation run found. All are collected, then the most important one decides
 * the error (see {@link Kind} for the order) and the detail lists the first few, most important
 * first, so a client can fix several at once. Not thread-safe; one per run.
 */
final class ValidationProblems {
    /** How many problems the detail names; the rest are counted. */
    private static final int SHOWN = 3;
    /** Bounds the work on hostile bodies with thousands of bad values. */
    private static final int KEPT = 50;

    /**
     * Kinds of problem, most important first. A broken message structure hides everything else; a
     * wrong {@code schemas} means the body is read against the wrong attributes; an attribute the
     * schemas do not know comes next, then values of the wrong type, then rule violations on
     * well-typed values, and a missing required value last, because it is often the consequence
     * of an earlier problem.
     */
    enum Kind {
        /**
         * {@code schemas} missing or not an array of strings. RFC 7643 §3 names no scimType for a
         * wrong {@code schemas}; a missing one is a broken message, so we use {@code invalidSyntax}.
         */
        SYNTAX(ScimErrorType.INVALID_SYNTAX),
        /** An unknown or undeclared schema URN, or no base schema (RFC 7643 §3; we answer {@code invalidValue}). */
        SCHEMAS(ScimErrorType.INVALID_VALUE),
        /** An attribute the schemas do not define, under {@code UnknownAttributePolicy.REJECT}. */
        UNKNOWN_ATTRIBUTE(ScimErrorType.INVALID_VALUE),
        /** A value of the wrong type (RFC 7643 §2.3). */
        TYPE(ScimErrorType.INVALID_VALUE),
        /**
         * More than one {@code primary: true} in a multi-valued attribute: RFC 7643 §2.4 allows one at
         * most without saying what a server does otherwise; we refuse the request.
         */
        PRIMARY(ScimErrorType.INVALID_VALUE),
        /** A value outside {@code canonicalValues} under {@code CanonicalValuePolicy.REJECT}. */
        CANONICAL_VALUE(ScimErrorType.INVALID_VALUE),
        /** A required attribute, sub-attribute or extension is missing (RFC 7643 §6, §7; RFC 7644 §3.5.1). */
        REQUIRED(ScimErrorType.INVALID_VALUE);

        private final ScimErrorType scimType;

        Kind(ScimErrorType scimType) {
            this.scimType = scimType;
        }
    }

    private record Problem(Kind kind, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> failedNames = new HashSet<>();
    private int count;

    void add(Kind kind, String message) {
        count++;
        if (problems.size() < KEPT) {
            problems.add(new Problem(kind, message));
        }
    }

    /** Records a problem with the value of an attribute, so that it is not reported missing too. */
    void addFor(String attributeName, Kind kind, String message) {
        failedNames.add(attributeName.toLowerCase(Locale.ROOT));
        add(kind, message);
    }

    /** Whether a problem was already reported for the value of this attribute. */
    boolean failed(String attributeName) {
        return failedNames.contains(attributeName.toLowerCase(Locale.ROOT));
    }

    /**
     * Throws the most important problem, if any.
     *
     * @throws ScimException 400 with the scimType of the most important problem
     */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::kind));
        StringBuilder detail = new StringBuilder(sorted.get(0).message());
        if (count > 1) {
            int shown = Math.min(SHOWN, sorted.size());
            detail.append(". Also: ");
            for (int i = 1; i < shown; i++) {
                detail.append(i == 1 ? "" : "; ").append(sorted.get(i).message());
            }
            int more = count - shown;
            if (more > 0) {
                detail.append(shown > 1 ? "; and " : "").append(more).append(more == 1 ? " more problem" : " more problems");
            }
        }
        throw new ScimException(400, sorted.get(0).kind().scimType, detail.toString());
    }
}
