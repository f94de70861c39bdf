package org.jakartamcp.platform.database;

/** Fired once per application start, when the database is reachable and its schema is current. */
public record DatabaseReady() {
}
