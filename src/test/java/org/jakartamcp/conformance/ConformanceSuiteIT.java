package org.jakartamcp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.McpClients;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP conformance suite (npm {@code @modelcontextprotocol/conformance}) against
 * {@code /mcp} of the product WAR plus the suite's fixtures (tools, resources and prompts it calls
 * by name), which exist only in this test deployment. Every active server scenario must pass, and
 * no check in any {@code checks.json} may be a FAILURE.
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceSuiteIT {

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive productWithFixtures() {
        // the suite cannot sign in: this deployment runs in open-access mode
        return Deployments.product("conformance.war", Map.of("mcp.open-access", "true"))
                .addClasses(ConformanceTools.class, ConformanceTools.Address.class, ConformanceResources.class, Media.class, Schemas.class);
    }

    @Test
    void everyActiveServerScenarioPasses() throws IOException {
        TestServer.awaitReady();
        TestDatabase.shared();
        Path results = TestPaths.buildDirectory().resolve("conformance");
        org.jakartamcp.testing.TestDatabase.deleteRecursively(results);
        String url = deployment.toString().replaceAll("/$", "") + "/mcp";

        McpClients.Result run = McpClients.run(List.of(McpClients.node().toString(),
                        McpClients.module("@modelcontextprotocol/conformance/dist/index.js").toString(),
                        "server", "--url", url, "-o", results.toString()),
                Map.of(), null, Duration.ofMinutes(5));

        List<String> failures = ConformanceResults.failures(results);
        assertTrue(failures.isEmpty(), failures.size() + " failed checks:\n" + String.join("\n", failures));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        // 30 active server scenarios in the pinned suite version, each writing its checks.json
        assertTrue(ConformanceResults.checkFiles(results).size() >= 30, "the suite ran: " + run.stdout());
    }
}
