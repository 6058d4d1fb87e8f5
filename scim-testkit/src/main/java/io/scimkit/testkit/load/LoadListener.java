package io.scimkit.testkit.load;

import java.time.Duration;

/**
 * Hears how a load run progresses, e.g. to draw a progress bar. {@link #taskFinished} is called
 * from every worker thread concurrently; the other methods from the thread that runs the load.
 */
public interface LoadListener {

    /** A phase ({@code users}, {@code groups}, {@code members}, {@code incremental}, {@code verify-…}) begins with this many tasks. */
    default void phaseStarted(String phase, long tasks) {
    }

    /** One task of the current phase is done (a task is one to a few requests). */
    default void taskFinished() {
    }

    /** The phase is over: how long it took and how many requests it sent. */
    default void phaseFinished(String phase, Duration elapsed, long requests) {
    }
}
