package io.scimkit.testkit.cli;

import io.scimkit.testkit.load.LoadPlan;
import io.scimkit.testkit.scenario.ScenarioSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a command line asks for, once parsed: replay, load, or exit at once with a status. */
sealed interface Invocation permits Invocation.Replay, Invocation.Load, Invocation.Exit {

    /**
     * Replay the catalogue.
     *
     * @param connection where to
     * @param selection which scenario runs
     * @param scenarioPaths the user's own scenario files or directories, added to the bundled catalogue
     * @param reportDirectory where to write the JUnit XML and JSON reports, or {@code null}
     */
    record Replay(Connection connection, ScenarioSelection selection, List<Path> scenarioPaths,
            @Nullable Path reportDirectory) implements Invocation {
        public Replay {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(selection, "selection");
            scenarioPaths = List.copyOf(scenarioPaths);
        }
    }

    /**
     * Run the load mode.
     *
     * @param connection where to
     * @param plan what to provision
     * @param reportDirectory where to write the JSON report, or {@code null}
     */
    record Load(Connection connection, LoadPlan plan, @Nullable Path reportDirectory) implements Invocation {
        public Load {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * Nothing to run: help or version was printed (0), or the arguments were wrong (2).
     *
     * @param status the exit status
     */
    record Exit(int status) implements Invocation {
    }
}
