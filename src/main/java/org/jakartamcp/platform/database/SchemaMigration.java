package org.jakartamcp.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema to the version of the migrations in {@code db/} (packaged as {@code db/migration}). */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    /** Like db/callback (which Flyway always scans), it holds an empty flyway.location file: Flyway needs one to list a directory on Liberty. */
    private static final String LOCATION = "classpath:db/migration";

    @Resource(lookup = "jdbc/mcp")
    DataSource dataSource;

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

    boolean isComplete() {
        return complete;
    }

    String lastFailure() {
        return complete ? null : lastFailure;
    }
}
