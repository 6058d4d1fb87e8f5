/**
 * The load mode: an Entra ID initial provisioning cycle at scale over a
 * {@link io.scimkit.testkit.target.Target} (users matched and created, then groups and their
 * members), then an incremental
 * cycle, then a check of the end state, with throughput and latency percentiles per request kind.
 * {@link io.scimkit.testkit.load.LoadRunner} runs a {@link io.scimkit.testkit.load.LoadPlan} and
 * returns a {@link io.scimkit.testkit.load.LoadReport}.
 *
 * <p>Names carry a per-run id, so a plan can run again and again against the same server.
 */
@NullMarked
package io.scimkit.testkit.load;

import org.jspecify.annotations.NullMarked;
