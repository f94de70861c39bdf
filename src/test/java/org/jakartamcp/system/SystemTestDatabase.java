package org.jakartamcp.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jakartamcp.platform.database.DatabaseSettings;

/** JDBC reads of what the server wrote, straight from PostgreSQL. */
final class SystemTestDatabase {

    static final int EMBEDDED_PORT = 54329;

    private final String url;
    private final String user;
    private final String password;

    SystemTestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The embedded database of a run server, as its owner: with the password the server generated
     * and keeps in the data directory's password file (PostgreSQL's format).
     */
    static SystemTestDatabase embedded(Path dataDirectory) throws IOException {
        Path passwords = passwordFile(dataDirectory);
        String password = Files.readAllLines(passwords).stream()
                .filter(line -> line.startsWith("localhost:" + EMBEDDED_PORT + ":*:mcp:"))
                .map(line -> line.substring(line.lastIndexOf(':') + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no password for mcp in " + passwords));
        return new SystemTestDatabase(DatabaseSettings.EMBEDDED_URL, "mcp", password);
    }

    static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolve("mcp-credentials.pgpass");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    long count(String sql, Object... parameters) throws SQLException {
        return rows(sql, parameters).stream().mapToLong(row -> ((Number) row.get(0)).longValue()).sum();
    }

    List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
