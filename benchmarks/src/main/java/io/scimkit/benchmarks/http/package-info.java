/**
 * HTTP-level benchmark harnesses: servers and load clients that measure scimkit over real sockets
 * (the example server's Entra lookups, the JDBC store at scale). Results and commands are in
 * {@code BENCHMARKS.md}; nothing here runs in {@code verify}.
 */
package io.scimkit.benchmarks.http;
