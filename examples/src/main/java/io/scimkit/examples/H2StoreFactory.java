package io.scimkit.examples;

import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.JdbcStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code --store h2:<dir>}: the JDBC store ({@code scim-jdbc}) on an embedded H2 file database in
 * that directory (created, readable by its owner only, if missing). The server's default is
 * {@code h2:./scim-data}: data survives a restart. One server process at a time may open a
 * directory (H2 locks the file); several servers share PostgreSQL instead. A write is answered
 * once it is in the database file: it survives a killed process, not a power loss
 * ({@link #settings}).
 */
final class H2StoreFactory implements StoreFactory {
    static final String PREFIX = "h2:";
    /** The stores' options on H2: group commit, which the {@code WRITE_DELAY} of {@link #settings} relies on. */
    static final JdbcStoreOptions OPTIONS = JdbcStoreOptions.DEFAULTS.withH2GroupCommit(true);

    @Override
    public String syntax() {
        return "h2:<dir>";
    }

    @Override
    public boolean accepts(String spec) {
        return spec.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    @Override
    public OpenedStores open(String spec, SchemaRegistry registry) {
        return openPool(spec, registry, null);
    }

    /** Opens the stores with their transactional outbox on, delivering to {@code events}. */
    @Override
    public OpenedStores open(String spec, SchemaRegistry registry, ProvisioningListener events) {
        return openPool(spec, registry, events);
    }

    private static OpenedStores openPool(String spec, SchemaRegistry registry, @Nullable ProvisioningListener events) {
        Path directory = directory(spec);
        createPrivately(directory);
        return PooledJdbcStores.open(settings(directory), OPTIONS, registry, events);
    }

    /**
     * The absolute, normalised directory of an {@code h2:<dir>} value.
     *
     * @throws IllegalArgumentException for an empty directory or one the JDBC URL cannot carry
     */
    static Path directory(String spec) {
        String text = spec.strip().substring(PREFIX.length()).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--store h2:<dir> needs a directory, e.g. h2:./scim-data");
        }
        if (text.contains(";")) {
            // The semicolon separates settings in an H2 URL.
            throw new IllegalArgumentException("--store h2:<dir>: the directory name may not contain ';'");
        }
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException invalid) {
            throw new IllegalArgumentException("--store h2:<dir>: '" + text + "' is not a directory name");
        }
    }

    /**
     * The H2 settings for a directory: the database files are {@code <dir>/scim.mv.db} and friends.
     * {@code LOCK_TIMEOUT=10000}: concurrent updates of one row (member adds to one group) wait for
     * each other instead of failing after H2's default second; {@code WRITE_DELAY=500}: H2 alone
     * would write committed changes to its file up to half a second later, but the stores run with
     * {@link JdbcStoreOptions#withH2GroupCommit(boolean) H2 group commit} ({@link #OPTIONS}), so a
     * write is answered only after the file write holding it, one file write serving all the
     * writes committed meanwhile; {@code DB_CLOSE_ON_EXIT=FALSE}: the server's shutdown hook, not
     * H2's, closes the database after the last request finished.
     *
     * <p>Durability: every write answered with a 2xx is in the database file when the answer is
     * sent, so it survives the end of the process, even by SIGKILL; it may not survive a power loss
     * or an operating system crash (the file is not forced to the disk, {@code fsync}). Use
     * PostgreSQL where that matters.
     */
    static DatabaseSettings settings(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("scim")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=500;DB_CLOSE_ON_EXIT=FALSE";
        return new DatabaseSettings(url, "org.h2.Driver", "sa", null,
                "H2 file database in " + directory + " (kept across restarts)");
    }

    private static void createPrivately(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            // The database holds personal data (names, e-mail addresses): owner-only where POSIX allows.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot create the H2 directory " + directory, failed);
        }
    }
}
