package io.scimkit.testkit.cli;

import io.scimkit.testkit.target.HttpTarget;
import io.scimkit.testkit.target.Target;

/** Opens the target a command talks to; tests replace HTTP with an in-process service. */
@FunctionalInterface
public interface TargetFactory {

    /**
     * The target for this connection.
     *
     * @throws IllegalArgumentException if the URL or token is unusable (the message never quotes the token)
     */
    Target open(Connection connection);

    /** HTTP/1.1 with {@code java.net.http}, as Entra ID talks to an endpoint. */
    static TargetFactory http() {
        return connection -> HttpTarget.builder(connection.url(), connection.token())
                .requestTimeout(connection.timeout()).build();
    }
}
