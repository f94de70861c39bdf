package org.jakartamcp.platform.database;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fired once per application start, when the database is reachable and its schema is current. An
 * observer does not do its work in the observer (CDI would not call the observers after one that
 * fails): it registers the work as a named start-up step. {@link DatabaseStartup} runs the steps
 * once the event has reached everyone, each on its own, retries a failed one until it succeeds,
 * and reports the server ready only when all have run. Several instances may start at once on one
 * database: a step must be safe to run on all of them at the same time (one wins, the others carry on).
 */
public final class DatabaseReady {

    private final Map<String, Runnable> steps = new LinkedHashMap<>();

    /** Registers a start-up step; {@code name} says what it does in the log and in readiness. */
    public void step(String name, Runnable work) {
        if (steps.putIfAbsent(name, work) != null) {
            throw new IllegalStateException("Two start-up steps are named '" + name + "'");
        }
    }

    Map<String, Runnable> steps() {
        return Collections.unmodifiableMap(steps);
    }
}
