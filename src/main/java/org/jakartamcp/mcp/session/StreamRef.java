package org.jakartamcp.mcp.session;

import java.util.Optional;

/**
 * A session's stream as the instances name it to each other in signals: {@code <session hash>:<stream id>}. The
 * session's hash, not its id, which is the client's secret; stream ids are unique within a session only (every
 * session has a standalone stream).
 */
public record StreamRef(String sessionHash, String streamId) {

    private static final char SEPARATOR = ':';

    public static StreamRef of(McpSession session, String streamId) {
        return new StreamRef(session.idHash(), streamId);
    }

    public String subject() {
        return sessionHash + SEPARATOR + streamId;
    }

    /** The stream a signal's subject names; empty for a subject of another shape (a newer or older version's). */
    public static Optional<StreamRef> ofSubject(String subject) {
        int separator = subject.indexOf(SEPARATOR);
        if (separator <= 0 || separator == subject.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new StreamRef(subject.substring(0, separator), subject.substring(separator + 1)));
    }

    public boolean names(McpSession session, String id) {
        return sessionHash.equals(session.idHash()) && streamId.equals(id);
    }
}
