package org.jakartamcp.platform.database;

/**
 * The embedded PostgreSQL's port is taken by a program that is not this server's PostgreSQL. The
 * server refuses to use it: whoever listens there would receive the application's data and password.
 */
public class ForeignDatabaseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ForeignDatabaseException(String message) {
        super(message);
    }
}
