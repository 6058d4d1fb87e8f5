/**
 * JMH benchmarks: scimkit measured against a baseline and the peer libraries in the same run.
 * Results and the commands that produced them live in {@code BENCHMARKS.md}.
 */
package io.scimkit.benchmarks;
