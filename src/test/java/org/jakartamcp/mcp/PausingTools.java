package org.jakartamcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.Progress;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;

/** Test fixtures: tools that take as long as they are told to, unless their call is cancelled first. */
@ApplicationScoped
public class PausingTools {

    @Tool(description = "Waits the given milliseconds, or until the call is cancelled")
    public String pause(@ToolArg(name = "millis") long millis, Cancellation cancellation) throws InterruptedException {
        return waitFor(millis, cancellation);
    }

    @Tool(description = "Reports progress once it has started, then waits like pause")
    public String pauseReporting(@ToolArg(name = "millis") long millis, Progress progress, Cancellation cancellation)
            throws InterruptedException {
        progress.report(0, null, "started");
        return waitFor(millis, cancellation);
    }

    @Tool(description = "Reports progress 1 to count, one every millis, then answers with how many it reported")
    public String reportEvery(@ToolArg(name = "count") int count, @ToolArg(name = "millis") long millis, Progress progress,
                              Cancellation cancellation) throws InterruptedException {
        for (int step = 1; step <= count; step++) {
            waitFor(millis, cancellation);
            progress.report(step, (double) count, "step " + step);
        }
        return "reported " + count;
    }

    private static String waitFor(long millis, Cancellation cancellation) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            cancellation.check();
            Thread.sleep(10);
        }
        return "paused";
    }
}
