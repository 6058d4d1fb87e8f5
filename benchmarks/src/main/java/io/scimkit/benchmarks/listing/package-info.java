/**
 * In-process cost of listing pages of users sorted by userName (RFC 7644 §3.4.2.3) on the memory
 * store, H2 and PostgreSQL; a plain main class, not JMH, since one request takes milliseconds and
 * populating 100,000 users dominates a run. Imports scimkit's published modules, HikariCP and Jackson.
 */
package io.scimkit.benchmarks.listing;
