package io.scimkit.testkit.cli;

import io.scimkit.testkit.load.LoadListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shows a load run's progress: on a terminal a bar redrawn in place a few times a second, otherwise
 * (CI logs, pipes) a plain line every few seconds. Each phase ends with a line of its requests and
 * rate. Worker threads only bump a counter; a daemon thread draws.
 */
final class ProgressPrinter implements LoadListener, AutoCloseable {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<Phase> phase = new AtomicReference<>(new Phase("", 0, System.nanoTime()));

    private record Phase(String name, long tasks, long startNanos) {
    }

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scim-load-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = terminal ? 250 : 5000;
        ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void phaseStarted(String name, long tasks) {
        done.set(0);
        phase.set(new Phase(name, tasks, System.nanoTime()));
        if (!terminal) {
            synchronized (out) {
                out.println(name + ": " + tasks + " tasks");
                out.flush();
            }
        }
    }

    @Override
    public void taskFinished() {
        done.incrementAndGet();
    }

    @Override
    public void phaseFinished(String name, Duration elapsed, long requests) {
        Phase current = phase.getAndSet(new Phase("", 0, System.nanoTime()));
        synchronized (out) {
            if (terminal) {
                out.print("\r" + " ".repeat(BAR_WIDTH + 60) + "\r");
            }
            double seconds = elapsed.toNanos() / 1e9;
            out.println(String.format(Locale.ROOT, "%-20s %8d tasks %9d requests %8.1f s %9.1f req/s", name,
                    current.tasks(), requests, seconds, seconds == 0 ? 0 : requests / seconds));
            out.flush();
        }
    }

    private void draw() {
        Phase current = phase.get();
        if (current.name().isEmpty() || current.tasks() == 0) {
            return;
        }
        long finished = Math.min(done.get(), current.tasks());
        double share = (double) finished / current.tasks();
        double seconds = (System.nanoTime() - current.startNanos()) / 1e9;
        synchronized (out) {
            if (terminal) {
                int filled = (int) Math.round(share * BAR_WIDTH);
                out.print(String.format(Locale.ROOT, "\r%-20s [%s%s] %3.0f%% %d/%d tasks %.0f s", current.name(),
                        "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), share * 100, finished, current.tasks(),
                        seconds));
            } else {
                out.println(String.format(Locale.ROOT, "%s: %d/%d tasks (%.0f%%) after %.0f s", current.name(), finished,
                        current.tasks(), share * 100, seconds));
            }
            out.flush();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
