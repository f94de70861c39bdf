package org.jakartamcp.mcp.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jakartamcp.mcp.protocol.ProtocolVersion;

/**
 * Sessions in PostgreSQL, with the ones in use cached in memory: a request costs a map lookup, a
 * restart or another instance costs one read. {@code last_seen_at} is written at most once a minute.
 */
@ApplicationScoped
public class SessionStore {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    @Inject
    SessionRepository repository;

    @Inject
    Event<SessionEnded> ended;

    private final Map<String, McpSession> cache = new ConcurrentHashMap<>();
    private final Map<String, OffsetDateTime> lastTouched = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public McpSession create(McpSession.Transport transport, String principal) {
        String id = SessionIds.create();
        McpSession session = new McpSession(id, SessionIds.hash(id), transport, principal);
        SessionRecord record = new SessionRecord(session.idHash(), transport.name(), principal, OffsetDateTime.now(clock));
        repository.insert(record);
        cache.put(session.idHash(), session);
        lastTouched.put(session.idHash(), record.createdAt);
        return session;
    }

    /** The session with this id, if it exists; malformed ids are not looked up. */
    public Optional<McpSession> find(String id) {
        if (!SessionIds.isWellFormed(id)) {
            return Optional.empty();
        }
        String hash = SessionIds.hash(id);
        McpSession session = cache.get(hash);
        if (session == null) {
            SessionRecord record = repository.find(hash);
            if (record == null) {
                return Optional.empty();
            }
            McpSession loaded = fromRecord(id, record);
            McpSession raced = cache.putIfAbsent(hash, loaded);
            session = raced != null ? raced : loaded;
        }
        touch(hash);
        return Optional.of(session);
    }

    public void initialized(McpSession session, ProtocolVersion version, JsonObject clientInfo, JsonObject capabilities) {
        session.negotiated(version, clientInfo, capabilities);
        repository.update(session.idHash(), record -> record.negotiated(version.id(),
                clientInfo == null ? null : truncate(clientInfo.getString("name", null), 255),
                clientInfo == null ? null : truncate(clientInfo.getString("version", null), 255),
                capabilities == null ? null : capabilities.toString()));
    }

    public void logLevel(McpSession session, String level) {
        session.logLevel(level);
        repository.update(session.idHash(), record -> record.logLevel(level));
    }

    public boolean delete(McpSession session) {
        cache.remove(session.idHash());
        lastTouched.remove(session.idHash());
        ended.fire(new SessionEnded(session));
        return repository.delete(session.idHash());
    }

    private void touch(String hash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime previous = lastTouched.get(hash);
        if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
            lastTouched.put(hash, now);
            repository.touch(hash, now);
        }
    }

    private static McpSession fromRecord(String id, SessionRecord record) {
        McpSession session = new McpSession(id, record.idHash, McpSession.Transport.valueOf(record.transport), record.principal);
        if (record.initialized) {
            session.negotiated(ProtocolVersion.of(record.protocolVersion).orElse(ProtocolVersion.LATEST),
                    JSON.createObjectBuilder().add("name", nullToEmpty(record.clientName))
                            .add("version", nullToEmpty(record.clientVersion)).build(),
                    parse(record.clientCapabilities));
        }
        session.logLevel(record.logLevel);
        return session;
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
