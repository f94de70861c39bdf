package org.jakartamcp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
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
 * by name), which exist only in this test deployment. Every scenario a revision requires must pass,
 * and no check in any {@code checks.json} may be a FAILURE or a WARNING, but in the scenarios of features not
 * implemented here (the baseline, src/test/resources/conformance/expected-failures.yaml). All runs go
 * against one deployment; scripts/conformance.sh runs any version of the suite against the same WAR.
 */
@ExtendWith(ArquillianExtension.class)
class ConformanceSuiteIT {

    /** The newest suite; the stable line is kept to show older revisions still pass as they did. */
    private static final String NEWEST_PACKAGE = "conformance-alpha";
    private static final String NEWEST = NEWEST_PACKAGE + "/dist/index.js";
    private static final String STABLE = "@modelcontextprotocol/conformance/dist/index.js";
    /** The scenarios of features not implemented here, each with why: the only ones that may fail. */
    private static final Path BASELINE = TestPaths.buildDirectory().resolve("test-classes/conformance/expected-failures.yaml");

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive productWithFixtures() {
        // the suite cannot sign in: this deployment runs in open-access mode, all of it as one user, whose
        // per-minute request limit the four runs would pass
        return Deployments.product("conformance.war", Map.of("mcp.open-access", "true",
                        "mcp.rate-limit.requests-per-user", "100000", "mcp.max-streams-per-user", "100000"))
                .addClasses(ConformanceTools.class, ConformanceTools.Address.class, ConformanceResources.class, Media.class, Schemas.class)
                .addClass(InputRequiredFixtures.class)
                .addClass(StatelessFixtures.class)
                .addClasses(StreamFixtures.class);
    }

    @Test
    void everyScenarioRequiredBy2026_07_28Passes() throws IOException {
        assertRequirementsPass("2026-07-28");
    }

    @Test
    void everyScenarioRequiredBy2025_11_25Passes() throws IOException {
        assertRequirementsPass("2025-11-25");
    }

    /**
     * Every scenario of the newest suite, each at the newest revision it applies to; only those of
     * features not implemented here may fail, and they must (the suite calls a passing one stale).
     * As with the suite's baseline, a warning (a SHOULD not followed) counts as a failure.
     */
    @Test
    void everyScenarioOfTheNewestSuitePassesButThoseOfExtensionsNotImplemented() throws IOException {
        Path results = results("suite-all");
        McpClients.Result run = runSuite(NEWEST, results, "--suite", "all", "--expected-failures", BASELINE.toString());

        Set<String> notImplemented = Set.copyOf(ScenarioLists.server(Files.readString(BASELINE)));
        assertNoFailures(results, check -> excused(notImplemented, check));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(ConformanceResults.scenarios(results).size() >= 65, "the suite ran: " + run.stdout());
    }

    /** The stable suite (every scenario, pending ones too) still passes: the revisions before 2026-07-28 as they were. */
    @Test
    void everyScenarioOfTheStableSuitePasses() throws IOException {
        Path results = results("stable-all");
        McpClients.Result run = runSuite(STABLE, results, "--suite", "all");

        assertNoFailures(results, check -> false);
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(ConformanceResults.scenarios(results).size() >= 32, "the suite ran: " + run.stdout());
    }

    /**
     * Runs the scenarios the revision's requirement set (frozen in the suite's package) names for a
     * server. The required ones, and those the suite runs unscored because its own reference server
     * cannot pass them yet (pending) or because they came later, must pass; only unscored extension
     * scenarios of features not implemented here (the baseline) may fail.
     */
    private void assertRequirementsPass(String revision) throws IOException {
        String requirements = Files.readString(McpClients.module(NEWEST_PACKAGE).resolve("requirements/" + revision + ".yaml"));
        List<String> required = ScenarioLists.server(requirements);
        Map<String, String> notScored = ScenarioLists.notScoredOnServer(requirements);
        Set<String> notImplemented = Set.copyOf(ScenarioLists.server(Files.readString(BASELINE)));

        Path results = results("requirements-" + revision);
        McpClients.Result run = runSuite(NEWEST, results, "--requirements", revision);

        Set<String> named = new TreeSet<>(required);
        named.addAll(notScored.keySet());
        assertEquals(named, ConformanceResults.scenarios(results), "every scenario of the set ran: " + run.stdout());
        assertNoFailures(results, check -> "extension".equals(notScored.get(check.scenario())) && excused(notImplemented, check));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    }

    /** A baseline entry names a whole scenario or one of its checks ({@code scenario:check-id}). */
    private static boolean excused(Set<String> baseline, ConformanceResults.Check check) {
        return baseline.contains(check.scenario()) || baseline.contains(check.scenario() + ":" + check.id());
    }

    private static void assertNoFailures(Path results, Predicate<ConformanceResults.Check> excused) throws IOException {
        List<ConformanceResults.Check> failures = ConformanceResults.checks(results).stream()
                .filter(check -> check.status().equals("FAILURE") || check.status().equals("WARNING"))
                .filter(excused.negate()).toList();
        assertTrue(failures.isEmpty(), failures.size() + " failed checks in "
                + failures.stream().map(ConformanceResults.Check::scenario).distinct().count() + " scenarios:\n"
                + failures.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    private Path results(String name) throws IOException {
        TestServer.awaitReady();
        TestDatabase.shared();
        // on a busy machine the suite's first requests could come before the deployment answered (404)
        Eventually.await("the conformance deployment's landing page", Duration.ofSeconds(60),
                () -> Http.get(deployment.toString()).statusCode(), status -> status == 200);
        Path results = TestPaths.buildDirectory().resolve("conformance").resolve(name);
        TestDatabase.deleteRecursively(results);
        return results;
    }

    private McpClients.Result runSuite(String suite, Path results, String... options) {
        String url = deployment.toString().replaceAll("/$", "") + "/mcp";
        List<String> command = new ArrayList<>(List.of(McpClients.node().toString(), McpClients.module(suite).toString(),
                "server", "--url", url, "-o", results.toString()));
        command.addAll(List.of(options));
        return McpClients.run(command, Map.of(), null, Duration.ofMinutes(5));
    }
}
