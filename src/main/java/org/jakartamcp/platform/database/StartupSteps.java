package org.jakartamcp.platform.database;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The start-up steps of one application start and how far they got. Each run tries every step not
 * done yet, each on its own: one failing does not keep the others from running.
 */
final class StartupSteps {

    private static final Logger LOG = Logger.getLogger(StartupSteps.class.getName());

    private final Map<String, Runnable> pending;
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final int total;
    private volatile String failure;

    StartupSteps(Map<String, Runnable> steps) {
        this.pending = new LinkedHashMap<>(steps);
        this.total = steps.size();
    }

    /** Runs every step not done yet; true when all are done. Called by one thread at a time. */
    boolean runPending() {
        List<String> failed = new ArrayList<>();
        for (Iterator<Map.Entry<String, Runnable>> steps = pending.entrySet().iterator(); steps.hasNext(); ) {
            Map.Entry<String, Runnable> step = steps.next();
            try {
                step.getValue().run();
                done.add(step.getKey());
                steps.remove();
            } catch (RuntimeException e) {
                failed.add("'" + step.getKey() + "' (" + DatabaseFailures.describe(e) + ")");
                LOG.log(Level.SEVERE, "The start-up step '" + step.getKey() + "' failed; it is tried again", e);
            }
        }
        failure = failed.isEmpty() ? null : "start-up step failed: " + String.join(", ", failed);
        return pending.isEmpty();
    }

    /** The steps done, in the order they were done. */
    List<String> done() {
        return List.copyOf(done);
    }

    /** What keeps the start-up from being complete, or null when it is. */
    String pendingReason() {
        if (failure != null) {
            return failure;
        }
        return done.size() == total ? null : "running start-up steps (" + done.size() + " of " + total + " done)";
    }
}
