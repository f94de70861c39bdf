package org.jakartamcp.platform.cluster;

import java.util.Optional;

/**
 * How a {@link ClusterSignal} travels in a PostgreSQL notification: {@code <sender> <topic> <subject>}.
 * The sender is the instance's id, so that an instance ignores its own signals (it acted already).
 * A payload from a newer or older version (an unknown topic, another shape) is ignored, so that
 * instances of two versions can run side by side during a rolling update.
 */
record SignalPayload(String sender, ClusterSignal signal) {

    /** Far below PostgreSQL's 8000-byte limit on a notification's payload. */
    static final int MAX_SUBJECT_LENGTH = 200;

    String encode() {
        return sender + ' ' + signal.topic().wireName() + ' ' + signal.subject();
    }

    static Optional<SignalPayload> decode(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        int first = payload.indexOf(' ');
        int second = first < 0 ? -1 : payload.indexOf(' ', first + 1);
        if (first <= 0 || second < 0) {
            return Optional.empty();
        }
        String subject = payload.substring(second + 1);
        if (subject.indexOf(' ') >= 0 || subject.length() > MAX_SUBJECT_LENGTH) {
            return Optional.empty();
        }
        return ClusterSignal.Topic.ofWireName(payload.substring(first + 1, second))
                .map(topic -> new SignalPayload(payload.substring(0, first), new ClusterSignal(topic, subject)));
    }
}
