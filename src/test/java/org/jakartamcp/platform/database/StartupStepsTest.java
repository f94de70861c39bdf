package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupStepsTest {

    private final List<String> ran = new ArrayList<>();

    @Test
    void aFailingStepKeepsTheStartUpIncompleteButNotTheOtherStepsFromRunning() {
        AtomicInteger attempts = new AtomicInteger();
        DatabaseReady ready = new DatabaseReady();
        ready.step("first administrator", () -> {
            attempts.incrementAndGet();
            ran.add("first administrator");
            if (attempts.get() == 1) {
                throw new IllegalStateException("duplicate key value violates unique constraint");
            }
        });
        ready.step("revoked grants", () -> ran.add("revoked grants"));
        StartupSteps steps = new StartupSteps(ready.steps());

        assertFalse(steps.runPending());
        assertEquals(List.of("first administrator", "revoked grants"), ran, "the step after the failed one ran");
        assertEquals(List.of("revoked grants"), steps.done());
        assertEquals("start-up step failed: 'first administrator' (IllegalStateException: duplicate key value violates unique constraint)",
                steps.pendingReason());

        assertTrue(steps.runPending(), "the retry runs the failed step only, and succeeds");
        assertEquals(List.of("first administrator", "revoked grants", "first administrator"), ran);
        assertEquals(List.of("revoked grants", "first administrator"), steps.done());
        assertNull(steps.pendingReason());
    }

    @Test
    void beforeTheFirstRunEveryStepIsPending() {
        DatabaseReady ready = new DatabaseReady();
        ready.step("signing key", () -> ran.add("signing key"));
        StartupSteps steps = new StartupSteps(ready.steps());
        assertEquals("running start-up steps (0 of 1 done)", steps.pendingReason());
        assertTrue(steps.runPending());
        assertNull(steps.pendingReason());
    }

    @Test
    void twoStepsCannotShareAName() {
        DatabaseReady ready = new DatabaseReady();
        ready.step("signing key", () -> ran.add("one"));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> ready.step("signing key", () -> ran.add("two")));
        assertEquals("Two start-up steps are named 'signing key'", twice.getMessage());
    }
}
