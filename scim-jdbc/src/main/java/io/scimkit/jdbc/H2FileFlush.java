package io.scimkit.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The flush of an embedded H2 2.x database (its MVStore file): {@code MVStore.commit()} writes
 * every unsaved change as a new chunk before it returns; when there was nothing unsaved, a chunk
 * that H2 itself began to store in the background ({@code WRITE_DELAY > 0}) may still be on its way
 * to the file, so {@code MVStore.executeFilestoreOperation} is then run with nothing to do, which
 * waits until H2's serialization and file-writing executors have finished every chunk handed to
 * them. After either, a change committed before the flush is in the file: it survives the end of
 * the process (SIGKILL), though not a power loss (no {@code fsync}, as with {@code WRITE_DELAY=0}).
 *
 * <p>Reached by reflection from the connection ({@code JdbcConnection.getSession()}, the
 * embedded {@code SessionLocal}, its {@code Database}, {@code Store} and {@code MVStore}): the
 * library brings no driver and does not compile against one. A database in another process (H2's
 * TCP server) has no such session and is refused when the stores are created.
 */
final class H2FileFlush implements GroupCommit.Flush {
    private static final long NOTHING_STORED = -1;
    private static final Runnable NOTHING = () -> { };

    private final Class<?> jdbcConnection;
    private final Method getSession;
    private final Class<?> sessionLocal;
    private final Method getDatabase;
    private final Method getStore;
    private final Method getMvStore;
    private final Method isPersistent;
    private final Method commit;
    private final Method executeFilestoreOperation;

    private H2FileFlush(ClassLoader loader) throws ReflectiveOperationException {
        jdbcConnection = Class.forName("org.h2.jdbc.JdbcConnection", false, loader);
        getSession = jdbcConnection.getMethod("getSession");
        sessionLocal = Class.forName("org.h2.engine.SessionLocal", false, loader);
        getDatabase = sessionLocal.getMethod("getDatabase");
        getStore = getDatabase.getReturnType().getMethod("getStore");
        getMvStore = getStore.getReturnType().getMethod("getMvStore");
        Class<?> mvStore = getMvStore.getReturnType();
        isPersistent = mvStore.getMethod("isPersistent");
        commit = mvStore.getMethod("commit");
        executeFilestoreOperation = mvStore.getMethod("executeFilestoreOperation", Runnable.class);
    }

    /**
     * The flush for the H2 database behind {@code connection}, tried once.
     *
     * @throws IllegalStateException if the connection is not to an embedded H2 2.x database
     */
    static H2FileFlush of(Connection connection) {
        IllegalStateException refused = new IllegalStateException("group commit needs an embedded H2 2.x database");
        for (ClassLoader loader : new ClassLoader[] {
                Thread.currentThread().getContextClassLoader(), H2FileFlush.class.getClassLoader()}) {
            try {
                H2FileFlush flush = new H2FileFlush(loader);
                flush.run(connection);
                return flush;
            } catch (ReflectiveOperationException | SQLException | LinkageError failed) {
                refused.addSuppressed(failed);
            }
        }
        throw refused;
    }

    @Override
    public void run(Connection connection) throws SQLException {
        if (Thread.currentThread().isInterrupted()) {
            // H2 waits for its executors ignoring interrupts: an interrupted wait would return early.
            throw new SQLException("interrupted before the database wrote its file", "58030");
        }
        try {
            Object session = getSession.invoke(connection.unwrap(jdbcConnection));
            if (!sessionLocal.isInstance(session)) {
                throw new SQLException("the H2 database is not embedded in this process");
            }
            Object store = getMvStore.invoke(getStore.invoke(getDatabase.invoke(session)));
            if (!(Boolean) isPersistent.invoke(store)) {
                return;
            }
            if ((Long) commit.invoke(store) == NOTHING_STORED) {
                executeFilestoreOperation.invoke(store, NOTHING);
            }
        } catch (InvocationTargetException failed) {
            throw new SQLException("H2 could not write its file", "58030", failed.getCause());
        } catch (IllegalAccessException unexpected) {
            throw new SQLException("H2's store cannot be reached", unexpected);
        }
    }
}
