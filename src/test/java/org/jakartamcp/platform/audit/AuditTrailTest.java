package org.jakartamcp.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The key under which repeats of a refusal share one row: one per type, actor and window, of a fixed size. */
class AuditTrailTest {

    @Test
    void repeatsWithinAWindowShareAKeyAndNothingElseDoes() {
        String key = AuditTrail.repeatKey("sign-in.failed", "mallory", 6_000, 600);
        assertEquals(key, AuditTrail.repeatKey("sign-in.failed", "mallory", 6_599, 600), "same window");
        assertNotEquals(key, AuditTrail.repeatKey("sign-in.failed", "mallory", 6_600, 600), "next window");
        assertNotEquals(key, AuditTrail.repeatKey("sign-in.failed", "mallorx", 6_000, 600), "another actor");
        assertNotEquals(key, AuditTrail.repeatKey("tool.refused", "mallory", 6_000, 600), "another type");
        assertNotEquals(AuditTrail.repeatKey("a", "b\nc", 0, 600), AuditTrail.repeatKey("a\nb", "c", 0, 600), "fields cannot run into each other");
    }

    @Test
    void theKeyHasAFixedSizeWhateverTheActor() {
        assertEquals(64, AuditTrail.repeatKey("sign-in.failed", "x".repeat(4_000_000), 0, 600).length());
        assertEquals(64, AuditTrail.repeatKey("sign-in.failed", null, 0, 0).length());
    }
}
