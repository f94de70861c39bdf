package org.jakartamcp.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jakartamcp.platform.cluster.ClusterSignal.Topic;
import org.junit.jupiter.api.Test;

class SignalPayloadTest {

    @Test
    void aSignalTravelsAndArrivesWithItsSender() {
        SignalPayload sent = new SignalPayload("instance-a", new ClusterSignal(Topic.SESSION_ENDED, "3f9a"));

        assertEquals("instance-a session-ended 3f9a", sent.encode());
        assertEquals(sent, SignalPayload.decode(sent.encode()).orElseThrow());
    }

    @Test
    void aResyncHasAnEmptySubject() {
        SignalPayload sent = new SignalPayload("b", new ClusterSignal(Topic.RESYNC, ""));

        assertEquals(sent, SignalPayload.decode(sent.encode()).orElseThrow());
    }

    /** Instances of another version may run beside this one during a rolling update: what this one cannot read, it ignores. */
    @Test
    void whatIsNotASignalOfThisVersionIsIgnored() {
        for (String payload : new String[] {null, "", "a", "a session-ended", " session-ended x", "a cache-flushed x",
                "a grant-revoked 1 2", "a grant-revoked " + "9".repeat(SignalPayload.MAX_SUBJECT_LENGTH + 1)}) {
            assertTrue(SignalPayload.decode(payload).isEmpty(), "ignored: " + payload);
        }
    }

    @Test
    void aSubjectIsOneKeyOfBoundedLength() {
        assertThrows(IllegalArgumentException.class, () -> new ClusterSignal(Topic.GRANT_REVOKED, "1 2"));
        assertThrows(IllegalArgumentException.class,
                () -> new ClusterSignal(Topic.GRANT_REVOKED, "x".repeat(SignalPayload.MAX_SUBJECT_LENGTH + 1)));
    }
}
