package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.context.ApplicationScoped;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.Tool;

/** A test fixture: a tool that works until its call is cancelled, by the client or by the time limit. */
@ApplicationScoped
public class UnendingTool {

    @Tool(description = "Works until the call is cancelled")
    public String unending(Cancellation cancellation) throws InterruptedException {
        while (true) {
            cancellation.check();
            Thread.sleep(10);
        }
    }
}
