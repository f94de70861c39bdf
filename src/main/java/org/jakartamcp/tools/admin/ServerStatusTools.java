package org.jakartamcp.tools.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.jakartamcp.mcp.spi.Tool;

/**
 * Tools for the server's administrators, behind the step-up scope mcp:admin: a client asks for it only when it
 * calls one, and only administrators (or the members of {@code auth.scope-groups.mcp:admin}) are granted it.
 */
@ApplicationScoped
public class ServerStatusTools {

    /** What an administrator checks first: since when this instance runs, on what, and how much memory it has left. */
    public record ServerStatus(long uptimeSeconds, String javaVersion, int processors, long heapUsedMiB,
                               long heapMaxMiB) {
    }

    // machines too (a monitoring agent), with mcp:admin like anyone; all product tools allowing them keeps tools/list public
    @Tool(name = "server_status", title = "Server status", scopes = "mcp:admin", machineCallers = true,
            description = "For the server's administrators: this instance's uptime, Java version, processors and "
                    + "heap memory in use.", annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public ServerStatus serverStatus() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new ServerStatus(ManagementFactory.getRuntimeMXBean().getUptime() / 1000, Runtime.version().toString(),
                Runtime.getRuntime().availableProcessors(), heap.getUsed() >> 20, heap.getMax() >> 20);
    }
}
