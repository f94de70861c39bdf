package org.jakartamcp.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL run from zonky's Maven-packaged binaries, with its data kept in a directory of
 * the user's choice. This is the only class that touches the zonky API, so the application loads it
 * only when the library is on the server.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, int port, String database, String owner, String ownerPassword)
            throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                // zonky tunes for throw-away test databases; this one keeps users' data.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        try {
            server.createDatabase(database, owner, ownerPassword);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Creates the owner role and the database on first start; later starts find them in the data directory. */
    private void createDatabase(String database, String owner, String ownerPassword) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", owner)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create role " + quoteIdentifier(owner) + " login password "
                            + quoteLiteral(ownerPassword));
                }
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + quoteIdentifier(database) + " owner " + quoteIdentifier(owner)
                            + " encoding 'UTF8'");
                }
            }
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

    static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quoteLiteral(String literal) {
        return '\'' + literal.replace("'", "''") + '\'';
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
