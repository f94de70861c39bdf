package org.jakartamcp.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema to the version of the migrations in {@code db/} (packaged as {@code db/migration}). */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    /** Like db/callback (which Flyway always scans), it holds an empty flyway.location file: Flyway needs one to list a directory on Liberty. */
    private static final String LOCATION = "classpath:db/migration";

    @Resource(lookup = "jdbc/mcp")
    DataSource dataSource;

    /** The container's table of HTTP sessions in this database, if it keeps them here (Liberty: server.xml). */
    @Inject
    @ConfigProperty(name = "HTTP_SESSIONS_TABLE")
    Optional<String> sessionTable;

    private volatile boolean complete;
    private volatile String lastFailure = "waiting for the first attempt";

    /** One attempt; returns whether the schema is now current. Failures are remembered, not thrown. */
    synchronized boolean migrate() {
        if (complete) {
            return true;
        }
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .baselineOnMigrate(holdsOnlyTheSessionTable())
                    .baselineVersion("0")
                    .load()
                    .migrate();
            complete = true;
            LOG.info(() -> "Database schema is at version " + Optional.ofNullable(result.targetSchemaVersion)
                    .orElse(result.initialSchemaVersion) + " (" + result.migrationsExecuted + " migrations applied now)");
            return true;
        } catch (RuntimeException e) {
            String failure = DatabaseFailures.describe(e);
            if (!failure.equals(lastFailure)) {
                LOG.warning(() -> "Schema migration is waiting for the database: " + failure);
            }
            lastFailure = failure;
            return false;
        }
    }

    /**
     * Liberty creates its HTTP session table as soon as it reaches the database, which on a new database comes before
     * the first migration: a schema that holds that table alone is new (Flyway starts it with a baseline at version 0,
     * so every migration runs) rather than someone else's, which Flyway refuses to touch.
     */
    private boolean holdsOnlyTheSessionTable() {
        Optional<String> table = sessionTable.filter(name -> !name.isBlank()).map(name -> name.toLowerCase(Locale.ROOT));
        if (table.isEmpty()) {
            return false;
        }
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name from information_schema.tables where table_schema = current_schema()")) {
            while (rows.next()) {
                tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables.equals(List.of(table.get()));
    }

    boolean isComplete() {
        return complete;
    }

    String lastFailure() {
        return complete ? null : lastFailure;
    }
}
