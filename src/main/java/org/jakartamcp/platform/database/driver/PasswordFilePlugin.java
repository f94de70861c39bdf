package org.jakartamcp.platform.database.driver;

import java.util.Properties;
import org.postgresql.PGProperty;
import org.postgresql.jdbcurlresolver.PgPassParser;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;

/**
 * Gives the PostgreSQL JDBC driver the configured password, or, when none is configured (Liberty
 * then passes an empty one, which the driver refuses instead of looking further), the password from
 * the password file named by {@code org.postgresql.pgpassfile}: the embedded database's generated
 * password, which exists only once the server has started it; that one goes only into a SCRAM exchange.
 * Loaded by the driver's own class
 * loader, so it uses nothing but the driver and the JDK.
 */
public class PasswordFilePlugin implements AuthenticationPlugin {

    private final Properties info;

    public PasswordFilePlugin(Properties info) {
        this.info = info;
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) {
        String configured = PGProperty.PASSWORD.getOrDefault(info);
        if (configured != null && !configured.isEmpty()) {
            return configured.toCharArray();
        }
        if (type != AuthenticationRequestType.SASL) {
            // the embedded PostgreSQL only asks for SCRAM, which never reveals the password; whoever asks for it
            // in clear text (or as MD5) is not that server
            return null;
        }
        String stored = PgPassParser.getPassword(PGProperty.PG_HOST.getOrDefault(info), PGProperty.PG_PORT.getOrDefault(info),
                PGProperty.PG_DBNAME.getOrDefault(info), PGProperty.USER.getOrDefault(info));
        return stored == null ? null : stored.toCharArray();
    }
}
