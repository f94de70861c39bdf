package org.jakartamcp.platform.database;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * A connection of the application's own, outside the container's pool, to the database the pool uses:
 * for a session that lives as long as the application (LISTEN), which a pooled connection, taken from
 * the others and aged out by the pool, should not be. Made by the driver the WAR carries, so that its
 * PostgreSQL API is the application's to use on any server; the password is the pool's (DB_PASSWORD,
 * or the embedded database's password file, which the driver reads itself).
 */
@ApplicationScoped
public class UnpooledConnections {

    @Inject
    DatabaseSettings settings;

    public Connection open(String applicationName) throws SQLException {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, settings.user());
        settings.password().ifPresent(password -> PGProperty.PASSWORD.set(properties, password));
        PGProperty.APPLICATION_NAME.set(properties, applicationName);
        PGProperty.CONNECT_TIMEOUT.set(properties, (int) settings.connectTimeout().toSeconds());
        PGProperty.LOGIN_TIMEOUT.set(properties, (int) settings.connectTimeout().toSeconds());
        // a dead database or network is noticed by the listener's own timeouts, and by the kernel on an idle socket
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        Connection connection = new Driver().connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLException("DB_URL is not a PostgreSQL JDBC URL: " + settings.url());
        }
        return connection;
    }

    /** The driver registers itself with the JDK's DriverManager when loaded: unregistered, it does not pin this application's classes. */
    @PreDestroy
    void forgetDriver() {
        if (Driver.class.getClassLoader() == UnpooledConnections.class.getClassLoader() && Driver.isRegistered()) {
            try {
                Driver.deregister();
            } catch (SQLException e) {
                java.util.logging.Logger.getLogger(UnpooledConnections.class.getName()).fine(() -> "Driver not unregistered: " + e);
            }
        }
    }
}
