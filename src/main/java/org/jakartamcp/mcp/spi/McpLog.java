package org.jakartamcp.mcp.spi;

/**
 * Sends log messages to the client ({@code notifications/message}) while a tool runs, at or above
 * the level the client chose with {@code logging/setLevel}.
 */
public interface McpLog {

    enum Level { DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY }

    void log(Level level, String message);

    default void debug(String message) {
        log(Level.DEBUG, message);
    }

    default void info(String message) {
        log(Level.INFO, message);
    }

    default void warning(String message) {
        log(Level.WARNING, message);
    }

    default void error(String message) {
        log(Level.ERROR, message);
    }
}
