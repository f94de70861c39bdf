package org.jakartamcp.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the database is and whether this server should run an embedded PostgreSQL itself.
 * The names are those of server.xml's variables, so one environment variable sets both the
 * container's data source and this bean.
 */
@ApplicationScoped
public class DatabaseSettings {

    /** The URL the embedded PostgreSQL serves; configuring any other URL means "use that database". */
    public static final String EMBEDDED_URL = "jdbc:postgresql://localhost:54329/mcp";
    static final int EMBEDDED_PORT = 54329;
    static final String EMBEDDED_DATABASE = "mcp";

    private final String url;
    private final String user;
    private final Optional<String> password;
    private final String embeddedMode;
    private final Path embeddedDirectory;
    private final Duration connectTimeout;

    /**
     * Read from MicroProfile Config by this constructor rather than injected property by property, so that
     * {@link EmbeddedDatabaseHeadStart} reads the same settings before the application's beans exist.
     */
    @Inject
    DatabaseSettings(Config config) {
        this(config.getOptionalValue("DB_URL", String.class).orElse(EMBEDDED_URL),
                config.getOptionalValue("DB_USER", String.class).orElse("mcp"),
                config.getOptionalValue("DB_PASSWORD", String.class),
                config.getOptionalValue("DB_EMBEDDED", String.class).orElse("auto"),
                config.getOptionalValue("DB_EMBEDDED_DIR", String.class).orElse(".data/postgres"),
                config.getOptionalValue("DB_CONNECT_TIMEOUT_SECONDS", Integer.class).orElse(5));
    }

    DatabaseSettings(String url, String user, Optional<String> password, String embeddedMode, String embeddedDirectory,
                     int connectTimeoutSeconds) {
        this.url = url;
        this.user = user;
        this.password = password.filter(value -> !value.isEmpty());
        this.embeddedMode = embeddedMode.trim().toLowerCase(java.util.Locale.ROOT);
        this.embeddedDirectory = Path.of(embeddedDirectory).toAbsolutePath().normalize();
        this.connectTimeout = Duration.ofSeconds(connectTimeoutSeconds);
    }

    DatabaseSettings() {
        this(EMBEDDED_URL, "mcp", Optional.empty(), "auto", ".data/postgres", 5);
    }

    /**
     * {@code DB_EMBEDDED=auto} (the default) runs the embedded database when the URL is the embedded
     * one; {@code true} insists on it and {@code false} never starts it.
     */
    public EmbeddedMode embeddedMode() {
        return switch (embeddedMode) {
            case "true" -> EmbeddedMode.REQUIRED;
            case "false" -> EmbeddedMode.OFF;
            default -> EMBEDDED_URL.equals(url) ? EmbeddedMode.IF_AVAILABLE : EmbeddedMode.OFF;
        };
    }

    /**
     * The embedded database listens on 54329, or, with {@code DB_EMBEDDED=true} and a local {@code DB_URL} on
     * another port, on that port: how a second server (a benchmark, a test) runs its own beside the first.
     */
    int embeddedPort() {
        java.util.regex.Matcher local = LOCAL_URL.matcher(url);
        return embeddedMode() == EmbeddedMode.REQUIRED && local.matches() ? Integer.parseInt(local.group(1)) : EMBEDDED_PORT;
    }

    private static final java.util.regex.Pattern LOCAL_URL =
            java.util.regex.Pattern.compile("jdbc:postgresql://(?:localhost|127\\.0\\.0\\.1):(\\d{1,5})/" + EMBEDDED_DATABASE);

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /**
     * DB_PASSWORD; without it the embedded database generates one (kept in its data directory) and
     * the JDBC driver reads it from there, as it reads {@code ~/.pgpass} for any other database.
     */
    Optional<String> password() {
        return password;
    }

    public Path embeddedDirectory() {
        return embeddedDirectory;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public enum EmbeddedMode {
        /** Start it; fail loudly when the embedded PostgreSQL library is not installed on the server. */
        REQUIRED,
        /** Start it when the library is installed (the build's run, dev and test servers). */
        IF_AVAILABLE,
        OFF
    }
}
