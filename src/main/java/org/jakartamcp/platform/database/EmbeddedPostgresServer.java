package org.jakartamcp.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL run from zonky's Maven-packaged binaries, with its data kept in a directory of
 * the user's choice. This is the only class that touches the zonky API, so the application loads it
 * only when the library is on the server.
 * <p>
 * Every role logs in with a password (SCRAM-SHA-256), the superuser included; the generated passwords
 * are kept in the data directory ({@link EmbeddedCredentials}). It listens on 127.0.0.1 only, without
 * a Unix socket. A data directory of an older version (which trusted every local connection) is
 * switched to passwords on its first start here.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());
    static final String LISTEN_ADDRESS = "127.0.0.1";
    static final String HBA = String.join("\n",
            "# Written by the server at every start: every connection needs a password.",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256",
            "");

    /** Null when this is our PostgreSQL left running by an earlier run: it is used, not owned. */
    private final EmbeddedPostgres postgres;
    private final Path credentialsFile;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path credentialsFile) {
        this.postgres = postgres;
        this.credentialsFile = credentialsFile;
    }

    /**
     * Starts PostgreSQL on the data directory (creating it on first start), or uses the one already
     * running on it; refuses ({@link ForeignDatabaseException}) when anything else holds the port.
     * The owner's password is {@code ownerPassword} when configured, else a generated one kept in
     * {@link #credentialsFile()}.
     */
    static EmbeddedPostgresServer start(Path dataDirectory, int port, String database, String owner,
                                        Optional<String> ownerPassword) throws IOException, SQLException {
        if (EmbeddedCredentials.SUPERUSER.equals(owner)) {
            throw new IllegalStateException("DB_USER must not be the embedded PostgreSQL's superuser '"
                    + EmbeddedCredentials.SUPERUSER + "'");
        }
        Files.createDirectories(dataDirectory);
        Path directory = dataDirectory.toRealPath();
        Optional<EmbeddedCredentials> stored = EmbeddedCredentials.read(directory, port);
        EmbeddedCredentials credentials = EmbeddedCredentials.resolve(stored, port, owner, ownerPassword);
        Roles roles = new Roles(database, owner, ownerPassword.or(() -> credentials.password(owner)).orElseThrow(),
                credentials.superuserPassword());
        if (portInUse(port)) {
            return attach(directory, port, roles, credentials, stored.isPresent());
        }
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        boolean upgrade = !fresh && stored.isEmpty();
        Path log = directory.resolveSibling(directory.getFileName() + ".log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", LISTEN_ADDRESS)
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky tunes for throw-away test databases; this one keeps users' data.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()));
        if (!upgrade) {
            // zonky's own readiness check logs in as the superuser
            builder.setConnectConfig("password", credentials.superuserPassword());
            builder.setDataDirectoryCustomizer(created -> {
                try {
                    writeHba(directory);
                    if (fresh) {
                        // before the first start: from now on this file is the only record of the superuser's password
                        credentials.write(directory);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path initdbPassword = fresh ? initdbPasswordFile(directory, credentials.superuserPassword()) : null;
        EmbeddedPostgres postgres;
        try {
            if (fresh) {
                // zonky runs initdb with "-A trust" and appends these as --name=value: the later --auth wins, and the
                // superuser has its password from the first moment
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPassword.toString());
            }
            postgres = builder.start();
        } finally {
            if (initdbPassword != null) {
                Files.deleteIfExists(initdbPassword);
            }
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, EmbeddedCredentials.file(directory));
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            roles.prepare(connection);
            if (!credentials.isStoredIn(directory)) {
                credentials.write(directory);
            }
            if (upgrade) {
                writeHba(directory);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_reload_conf()");
                }
                LOG.warning(() -> "The embedded PostgreSQL in " + directory + " accepted local connections without a "
                        + "password (data directory of an older version); it now requires passwords, kept in "
                        + EmbeddedCredentials.file(directory));
            }
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Uses the PostgreSQL already on the port only when it is ours: our data directory's postmaster.pid
     * names a live process serving it on this port, and it accepts our stored superuser password and
     * says it serves our data directory. Nothing is sent to the port before the first check passes.
     */
    private static EmbeddedPostgresServer attach(Path directory, int port, Roles roles, EmbeddedCredentials credentials,
                                                 boolean passwordsStored) throws IOException, SQLException {
        Optional<PostmasterPid> running = PostmasterPid.read(directory);
        if (running.isEmpty() || !running.get().isRunning(directory, port)) {
            throw new ForeignDatabaseException("Port " + port + " is taken by a program that is not the embedded PostgreSQL "
                    + "of " + directory + " (its " + PostmasterPid.FILE_NAME + " names no running server on that port); "
                    + "refusing to use it. Stop that program, or set DB_URL to use another database.");
        }
        if (!passwordsStored) {
            throw new ForeignDatabaseException("The embedded PostgreSQL of " + directory + " is still running (process "
                    + running.get().pid() + ", started by an older version without passwords); stop it (kill "
                    + running.get().pid() + ") and start the server again.");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {LISTEN_ADDRESS});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser(EmbeddedCredentials.SUPERUSER);
        dataSource.setPassword(credentials.superuserPassword());
        try (Connection connection = dataSource.getConnection()) {
            Path served = Path.of(single(connection, "show data_directory"));
            if (!Files.exists(served) || !Files.isSameFile(served, directory)) {
                throw new ForeignDatabaseException("The PostgreSQL on port " + port + " serves " + served + ", not "
                        + directory + "; refusing to use it.");
            }
            roles.prepare(connection);
        }
        if (!credentials.isStoredIn(directory)) {
            credentials.write(directory);
        }
        LOG.warning(() -> "Using the embedded PostgreSQL that an earlier run left running (process " + running.get().pid()
                + "); it stops when that process is stopped, not with this server");
        return new EmbeddedPostgresServer(null, EmbeddedCredentials.file(directory));
    }

    /** The password file (PostgreSQL's format) holding the superuser's and, unless configured, the owner's password. */
    Path credentialsFile() {
        return credentialsFile;
    }

    private static Path initdbPasswordFile(Path directory, String password) throws IOException {
        Path file = Files.createTempFile(directory.getParent(), ".initdb-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return file;
    }

    private static void writeHba(Path directory) throws IOException {
        Files.writeString(directory.resolve("pg_hba.conf"), HBA);
    }

    static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(LISTEN_ADDRESS), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The roles and database the application needs, with the passwords of this start. */
    private record Roles(String database, String owner, String ownerPassword, String superuserPassword) {

        /** Sets both passwords at every start (a changed DB_PASSWORD applies) and creates what is missing. */
        void prepare(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // a failing statement must not put a password into PostgreSQL's log
                statement.execute("set log_min_error_statement = panic");
                statement.execute("set log_statement = none");
                statement.execute("alter role " + quoteIdentifier(EmbeddedCredentials.SUPERUSER) + " password "
                        + quoteLiteral(superuserPassword));
                String verb = exists(connection, "select 1 from pg_roles where rolname = ?", owner) ? "alter" : "create";
                statement.execute(verb + " role " + quoteIdentifier(owner) + " login password " + quoteLiteral(ownerPassword));
                if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                    statement.execute("create database " + quoteIdentifier(database) + " owner " + quoteIdentifier(owner)
                            + " encoding 'UTF8'");
                }
            }
        }

        @Override
        public String toString() {
            return "Roles[" + database + ", " + owner + "]";
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quoteLiteral(String literal) {
        return '\'' + literal.replace("'", "''") + '\'';
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
