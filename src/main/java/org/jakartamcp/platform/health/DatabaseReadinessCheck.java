package org.jakartamcp.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jakartamcp.platform.database.DatabaseFailures;
import org.jakartamcp.platform.database.DatabaseSettings;
import org.jakartamcp.platform.database.DatabaseStartup;

/**
 * Ready when PostgreSQL answers, the schema is current and every start-up step has run (named in the
 * {@code startup} data, in the order they ran); checked live on every probe.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "jdbc/mcp")
    DataSource dataSource;

    @Inject
    DatabaseStartup databaseStartup;

    @Inject
    DatabaseSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        if (!databaseStartup.isComplete()) {
            return response.down().withData("schema", "pending").withData("error", databaseStartup.pendingReason()).build();
        }
        response.withData("schema", "current").withData("startup", String.join(", ", databaseStartup.stepsDone()));
        try (Connection connection = dataSource.getConnection()) {
            int timeoutSeconds = (int) settings.connectTimeout().toSeconds();
            return connection.isValid(timeoutSeconds) ? response.up().build()
                    : response.down().withData("error", "no answer within " + timeoutSeconds + " s").build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", DatabaseFailures.describe(e)).build();
        }
    }
}
