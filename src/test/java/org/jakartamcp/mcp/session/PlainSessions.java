package org.jakartamcp.mcp.session;

import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.jakartamcp.testing.PlainBeans;

/** A session store whose sessions live in memory only: what the handlers change is kept on the session objects. */
public final class PlainSessions {

    private PlainSessions() {
    }

    public static SessionStore store() {
        SessionStore store = new SessionStore();
        store.repository = new SessionRepository() {
            @Override
            void insert(SessionRecord record) {
            }

            @Override
            SessionRecord find(String idHash) {
                return null;
            }

            @Override
            boolean update(String idHash, Consumer<SessionRecord> change) {
                change.accept(new SessionRecord(idHash, "STREAMABLE_HTTP", "fuzz", OffsetDateTime.now()));
                return true;
            }

            @Override
            void touch(String idHash, OffsetDateTime now) {
            }

            @Override
            boolean delete(String idHash) {
                return true;
            }
        };
        store.ended = PlainBeans.silentEvent();
        return store;
    }
}
