package org.jakartamcp.platform.cluster;

import java.util.Optional;

/**
 * A change one instance made that the others must act on at once (a session ended, a grant revoked):
 * what changed and its key, never the data itself, which stays in the database. Fired as a CDI event
 * on every instance but the one that sent it.
 */
public record ClusterSignal(Topic topic, String subject) {

    /** The kinds of change, by the name they travel under. */
    public enum Topic {
        /** The subject is the hash of a session that was deleted or expired. */
        SESSION_ENDED("session-ended"),
        /** The subject is the id of a grant whose tokens are no longer accepted. */
        GRANT_REVOKED("grant-revoked"),
        /** The subject is the hash of an HTTP+SSE session: messages for it were POSTed to another instance than its stream's. */
        SSE_MESSAGES("sse-messages"),
        /**
         * The subject names a resource that changed and the user it concerns (hashed): the instances tell the followers
         * they hold in memory (HTTP+SSE sessions, subscriptions/listen streams).
         */
        RESOURCE_UPDATED("resource-updated"),
        /**
         * The subject names a Streamable HTTP stream ({@code <session hash>:<stream id>}) that a client resumed on the
         * sending instance while another one may still be writing it: that one signals its new events from now on.
         */
        STREAM_FOLLOWED("stream-followed"),
        /** The subject names a stream, as for STREAM_FOLLOWED: events were added to it (or its writer heard it is followed). */
        STREAM_EVENTS("stream-events"),
        /** The subject names a call ({@code <session hash>:<digest of its request id>}) the client cancelled through the sender. */
        CALL_CANCELLED("call-cancelled"),
        /** The subject is the tag of the instance that asked the client something: answers POSTed elsewhere wait for it in the database. */
        CLIENT_ANSWERS("client-answers"),
        /**
         * The subject is empty: this instance may have missed signals (it has just connected, or reconnected
         * after losing the database), so caches check themselves against the database now.
         */
        RESYNC("resync");

        private final String wireName;

        Topic(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }

        static Optional<Topic> ofWireName(String name) {
            for (Topic topic : values()) {
                if (topic.wireName.equals(name)) {
                    return Optional.of(topic);
                }
            }
            return Optional.empty();
        }
    }

    public ClusterSignal {
        if (subject.indexOf(' ') >= 0 || subject.length() > SignalPayload.MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("a signal's subject is a key: no spaces, at most "
                    + SignalPayload.MAX_SUBJECT_LENGTH + " characters");
        }
    }
}
