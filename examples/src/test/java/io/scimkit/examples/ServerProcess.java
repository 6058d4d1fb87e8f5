package io.scimkit.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example server as a separate JVM, started as an operator starts it ({@code main} with
 * command-line options) so that a test can kill it with SIGKILL. Runs the shaded jar when the
 * build made one (Failsafe passes its path as {@code scimkit.example.jar}), else the test
 * classpath; waits for the start-up message and reads the Tenant URL from it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern TENANT_URL = Pattern.compile("Tenant URL .*: (http://\\S+)");

    private final Process process;
    private final URI baseUri;
    private final List<String> output;

    private ServerProcess(Process process, URI baseUri, List<String> output) {
        this.process = process;
        this.baseUri = baseUri;
        this.output = output;
    }

    /**
     * Starts a server on a free port and waits (up to a minute) until it listens.
     *
     * @param environment extra environment variables (SCIM_TOKEN, SCIM_DB_USER, ...)
     */
    static ServerProcess start(List<String> arguments, Map<String, String> environment) {
        return start("-Xmx384m", arguments, environment);
    }

    /** Starts a server as {@link #start(List, Map)} does, with this maximum heap ({@code -Xmx...}). */
    static ServerProcess start(String maxHeap, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), maxHeap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), ExampleServer.class.getName(), "--port", "0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SCIM_"));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<URI> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    Matcher url = TENANT_URL.matcher(line);
                    if (url.find()) {
                        started.complete(URI.create(url.group(1)));
                    }
                }
            } catch (IOException closed) {
                // The process ended.
            }
            started.completeExceptionally(new IllegalStateException("the server exited before it started"));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(process, started.get(60, TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException | InterruptedException failed) {
            process.destroyForcibly();
            throw new IllegalStateException("the example server did not start: " + String.join("\n", output), failed);
        }
    }

    /** The Tenant URL. */
    URI baseUri() {
        return baseUri;
    }

    /** What the server printed so far (start-up message, logs). */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Whether the server's JVM is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful close; waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the graceful shutdown; waits until the process is gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The shaded jar if the build made it, else the classpath this test runs with. */
    static String classpath() {
        String jar = System.getProperty("scimkit.example.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            return jar;
        }
        // Surefire/Failsafe run tests from a manifest-only jar and publish the real classpath here.
        String tests = System.getProperty("surefire.test.class.path");
        if (tests != null && !tests.isBlank()) {
            return tests;
        }
        return System.getProperty("java.class.path");
    }
}
