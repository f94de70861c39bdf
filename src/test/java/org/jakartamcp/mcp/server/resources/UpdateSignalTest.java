package org.jakartamcp.mcp.server.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.junit.jupiter.api.Test;

/** A resource update as the other instances hear of it: a short key whatever the URI and user, matched on arrival. */
class UpdateSignalTest {

    @Test
    void anUpdateForOneUserConcernsThatUserOnly() {
        UpdateSignal heard = UpdateSignal.parse(UpdateSignal.of("history://recent", "alice").subject()).orElseThrow();
        assertTrue(heard.isAbout("history://recent"));
        assertFalse(heard.isAbout("history://recent/other"));
        assertTrue(heard.concerns("alice"));
        assertFalse(heard.concerns("bob"));
    }

    @Test
    void anUpdateForEveryoneConcernsEveryone() {
        UpdateSignal heard = UpdateSignal.parse(UpdateSignal.of("constants://pi/10", null).subject()).orElseThrow();
        assertTrue(heard.concerns("alice"));
        assertTrue(heard.concerns("bob"));
    }

    @Test
    void aLongUriAndAUserNameWithSpacesStillMakeAValidSubject() {
        String subject = UpdateSignal.of("file:///" + "x".repeat(2000), "Jane Doe").subject();
        assertEquals(subject, new ClusterSignal(ClusterSignal.Topic.RESOURCE_UPDATED, subject).subject());
    }

    @Test
    void aSubjectThatIsNoUpdateIsIgnored() {
        assertEquals(Optional.empty(), UpdateSignal.parse("no-dot"));
        assertEquals(Optional.empty(), UpdateSignal.parse(".x"));
        assertEquals(Optional.empty(), UpdateSignal.parse("x."));
    }
}
