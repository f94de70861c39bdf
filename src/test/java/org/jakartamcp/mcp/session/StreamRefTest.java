package org.jakartamcp.mcp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamRefTest {

    @Test
    void aStreamTravelsAsItsSessionsHashAndItsId() {
        StreamRef stream = new StreamRef("ab".repeat(32), "post-0123456789abcdef01234567");
        assertEquals("ab".repeat(32) + ":post-0123456789abcdef01234567", stream.subject());
        assertEquals(Optional.of(stream), StreamRef.ofSubject(stream.subject()));
    }

    @Test
    void aSubjectOfAnotherShapeNamesNoStream() {
        assertTrue(StreamRef.ofSubject("").isEmpty());
        assertTrue(StreamRef.ofSubject("no-separator").isEmpty());
        assertTrue(StreamRef.ofSubject(":post-1").isEmpty());
        assertTrue(StreamRef.ofSubject("hash:").isEmpty());
    }
}
