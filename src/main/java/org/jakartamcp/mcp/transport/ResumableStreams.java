package org.jakartamcp.mcp.transport;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jakartamcp.mcp.session.EventLog;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionEnded;
import org.jakartamcp.mcp.session.StreamRef;
import org.jakartamcp.platform.cluster.ClusterSignal;

/** The resumable streams of this instance that have not ended yet. */
@ApplicationScoped
class ResumableStreams {

    static final String STANDALONE = EventLog.STANDALONE_STREAM;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EventLog log;

    @Resource
    ManagedExecutorService executor;

    private final Map<Key, ResumableStream> live = new ConcurrentHashMap<>();

    ResumableStream create(McpSession session) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return register(session, "post-" + HexFormat.of().formatHex(bytes));
    }

    ResumableStream standalone(McpSession session) {
        return live.computeIfAbsent(new Key(session, STANDALONE), key -> newStream(session, STANDALONE));
    }

    Optional<ResumableStream> live(McpSession session, String streamId) {
        return Optional.ofNullable(live.get(new Key(session, streamId)));
    }

    Optional<String> streamOf(McpSession session, long eventId) {
        return log.streamOf(session, eventId);
    }

    EventLog log() {
        return log;
    }

    private ResumableStream register(McpSession session, String id) {
        ResumableStream stream = newStream(session, id);
        live.put(new Key(session, id), stream);
        return stream;
    }

    private ResumableStream newStream(McpSession session, String id) {
        return new ResumableStream(session, id, log, ended -> live.remove(new Key(ended.session(), ended.id()), ended));
    }

    /**
     * A client resumed a stream on another instance: if it is being written here, its events are signalled from now
     * on; another instance wrote a session's standalone stream whose GET connection is here: it goes out on it. On a
     * managed thread: the stream's lock may be held by a write, and the signal listener must not wait.
     */
    void onSignal(@Observes ClusterSignal signal) {
        switch (signal.topic()) {
            case STREAM_FOLLOWED -> StreamRef.ofSubject(signal.subject()).ifPresent(followed -> live.values().stream()
                    .filter(stream -> followed.names(stream.session(), stream.id()))
                    .forEach(stream -> executor.execute(stream::followedElsewhere)));
            // another instance wrote a session's standalone stream: the instance holding its GET connection sends it
            case STREAM_EVENTS -> StreamRef.ofSubject(signal.subject()).filter(written -> STANDALONE.equals(written.streamId()))
                    .ifPresent(written -> live.values().stream()
                            .filter(stream -> written.names(stream.session(), stream.id()))
                            .forEach(stream -> executor.execute(stream::catchUp)));
            // signals may have been missed: every standalone stream reads what it may have missed
            case RESYNC -> live.values().stream().filter(stream -> STANDALONE.equals(stream.id()))
                    .forEach(stream -> executor.execute(stream::catchUp));
            default -> {
            }
        }
    }

    /** A session ended (here or elsewhere): its streams end with it, closing their connections. */
    void onSessionEnded(@Observes SessionEnded ended) {
        endAll(ended.session());
    }

    void endAll(McpSession session) {
        live.values().stream().filter(stream -> stream.session() == session).forEach(ResumableStream::complete);
    }

    private record Key(McpSession session, String streamId) {
    }
}
