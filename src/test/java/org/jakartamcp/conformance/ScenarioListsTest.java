package org.jakartamcp.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioListsTest {

    /** The shape of the suite's requirements/2026-07-28.yaml, abridged. */
    private static final String REQUIREMENTS = """
            # Conformance requirements for the 2026-07-28 specification revision.
            #
            # server:
            #   - commented-out

            server:
              - server-stateless
              - tools-list  # a comment
              - caching:sep-2549-ttl-non-negative

            client:
              - tools_call
              - auth/metadata-default

            not_scored:
              - scenario: auth/dpop
                leg: client
                reason: extension
              - scenario: tasks-lifecycle
                leg: server
                reason: extension
                note: >-
                  io.modelcontextprotocol/tasks (SEP-2663); pending against the reference fixture, run for visibility
              - scenario: json-schema-2020-12
                leg: server
                reason: pending
                note: >-
                  the reference fixture cannot pass it yet; the implementation under test might
            """;

    @Test
    void theServerScenariosOfARequirementSet() {
        assertEquals(List.of("server-stateless", "tools-list", "caching:sep-2549-ttl-non-negative"), ScenarioLists.server(REQUIREMENTS));
    }

    @Test
    void theUnscoredServerScenariosWithTheirReasons() {
        assertEquals(Map.of("tasks-lifecycle", "extension", "json-schema-2020-12", "pending"),
                ScenarioLists.notScoredOnServer(REQUIREMENTS));
    }

    @Test
    void theBaselineListsOnlyTasksExtensionScenariosEachExplained() throws IOException {
        String baseline = Files.readString(Path.of("src/test/resources/conformance/expected-failures.yaml"));
        List<String> scenarios = ScenarioLists.server(baseline);
        assertEquals(9, scenarios.size(), scenarios.toString());
        assertTrue(scenarios.stream().allMatch(scenario -> scenario.startsWith("tasks-")), scenarios.toString());
        assertTrue(ScenarioLists.notScoredOnServer(baseline).isEmpty());
    }
}
