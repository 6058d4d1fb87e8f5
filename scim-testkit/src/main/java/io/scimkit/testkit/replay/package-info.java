/**
 * Replays scenario runs against a {@code Target} and reports: the
 * {@link io.scimkit.testkit.replay.Replayer} renders each step's templates, sends the requests
 * (repetitions of a parallel step concurrently), checks status, media type and JsonPath
 * assertions, captures variables, runs the end-state checks, and collects every mismatch (like a
 * validator: it does not stop at the first) into a {@link io.scimkit.testkit.replay.ReplayReport},
 * which the command line writes as JSON and JUnit XML files.
 *
 * <p>Reports hold requests and responses trimmed to a readable size and never credentials.
 */
@NullMarked
package io.scimkit.testkit.replay;

import org.jspecify.annotations.NullMarked;
