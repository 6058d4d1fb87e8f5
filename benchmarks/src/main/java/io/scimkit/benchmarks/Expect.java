package io.scimkit.benchmarks;

/** Checks, before measuring, that a library gives the right answer for the benchmark's filter. */
final class Expect {
    private Expect() {
    }

    /** Fails the benchmark when a library disagrees with the expected match result. */
    static void result(String library, String filter, boolean actual, boolean expected) {
        if (actual != expected) {
            throw new IllegalStateException(library + " answered " + actual + " for " + filter
                    + " on the Entra sample user; expected " + expected);
        }
    }

    /** Prints a known-wrong answer instead of failing, so the library can still be timed. */
    static void report(String library, String filter, boolean actual, boolean expected) {
        if (actual != expected) {
            System.out.println("NOTE: " + library + " answers " + actual + " (expected " + expected + ") for "
                    + filter);
        }
    }
}
