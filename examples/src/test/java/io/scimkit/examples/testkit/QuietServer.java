package io.scimkit.examples.testkit;

import io.scimkit.examples.ConfiguredToken;
import io.scimkit.examples.ExampleServer;
import io.scimkit.examples.ServerEnvironment;
import io.scimkit.examples.ServerOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The example server (in-memory store) on a free port with a known token, start-up message and access log silenced. */
final class QuietServer {
    private QuietServer() {
    }

    /** A fresh random token of the form the server accepts. */
    static String newToken() {
        return "it-" + UUID.randomUUID().toString().replace("-", "");
    }

    static ExampleServer start(String token) {
        ServerOptions options = ServerOptions.defaults().withPort(0).withToken(new ConfiguredToken(token, "from the test"));
        return ExampleServer.start(options, ServerEnvironment.standard()
                .withConsole(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .withoutRequestLogs());
    }
}
