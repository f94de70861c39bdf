package org.jakartamcp.mcp.transport;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.session.RelayedMessages;
import org.jakartamcp.platform.cluster.ClusterSignal;

/**
 * Answers the messages of HTTP+SSE sessions whose stream is open here but which were POSTed to another instance:
 * signalled, it takes them from the database, oldest first, and answers them on the stream as if they had been
 * POSTed here. On a managed thread: a call may take long, and the signal listener must not wait for it.
 */
@ApplicationScoped
public class SseRelay {

    private static final Logger LOG = Logger.getLogger(SseRelay.class.getName());

    @Inject
    OpenStreams streams;

    @Inject
    RelayedMessages relayed;

    @Inject
    SseTransportResource transport;

    @Inject
    McpRequestReader reader;

    @Resource
    ManagedExecutorService executor;

    void onSignal(@Observes ClusterSignal signal) {
        switch (signal.topic()) {
            case SSE_MESSAGES -> streams.heldHere(signal.subject()).ifPresent(this::answerSoon);
            // signals may have been missed: whatever waits for a stream held here is taken now
            case RESYNC -> streams.heldHere().forEach(this::answerSoon);
            default -> {
            }
        }
    }

    private void answerSoon(OpenStreams.Held held) {
        executor.execute(() -> answer(held));
    }

    private void answer(OpenStreams.Held held) {
        for (RelayedMessages.Relayed message : relayed.take(held.session().idHash())) {
            try {
                transport.answer(held.session(), held.stream(), reader.parse(message.body()), message.caller());
            } catch (WebApplicationException e) {
                // the instance that took the POST parsed it already; a row that does not parse here is dropped alone
                LOG.log(Level.FINE, "A relayed message was not answered", e);
            }
        }
    }
}
