package org.jakartamcp.mcp.session;

import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;
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
            java.util.List<String> insertWithin(SessionRecord record, int cap) {
                return java.util.List.of();
            }

            @Override
            java.util.Map<String, OffsetDateTime> lastSeen(java.util.Collection<String> idHashes) {
                return java.util.Map.of();
            }

            @Override
            void touchAll(java.util.Collection<String> idHashes, OffsetDateTime now) {
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
        store.metrics = PlainBeans.unmeasured();
        // alone, this instance holds every stream it opens; it never beats
        store.instances = new org.jakartamcp.platform.cluster.ClusterInstances();
        store.signals = new ClusterSignals() {
            @Override
            public void publish(ClusterSignal.Topic topic, String subject) {
                // one instance, nobody to tell
            }
        };
        SessionSettings settings = new SessionSettings();
        settings.idleMinutes = 1440;
        settings.perUser = 100;
        settings.cacheSize = 10_000;
        settings.checkSeconds = 5;
        store.settings = settings;
        store.createCache();
        return store;
    }
}
