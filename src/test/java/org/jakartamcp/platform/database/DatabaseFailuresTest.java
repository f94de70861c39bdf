package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void aRefusedConnectionDeepInsideAPersistenceExceptionIsAnOutage() {
        var failure = new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException("Connection refused")));
        assertTrue(DatabaseFailures.isUnavailable(failure));
    }

    @Test
    void connectionClassSqlStatesAndServerShutdownsAreOutages() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("I/O error", "08006")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new SQLTransientConnectionException("pool timeout"))));
    }

    @Test
    void queryErrorsAreNotOutages() {
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("no state")));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
    }

    @Test
    void aCauseCycleEnds() {
        var outer = new RuntimeException("outer");
        var inner = new RuntimeException("inner", outer);
        outer.initCause(inner);
        assertFalse(DatabaseFailures.isUnavailable(outer));
        assertEquals("RuntimeException: inner", DatabaseFailures.describe(outer));
    }

    @Test
    void theDescriptionIsTheInnermostMessage() {
        var failure = new PersistenceException("wrapper", new SQLException("FATAL: password authentication failed for user \"mcp\"", "28P01"));
        assertEquals("SQLException: FATAL: password authentication failed for user \"mcp\"", DatabaseFailures.describe(failure));
    }
}
