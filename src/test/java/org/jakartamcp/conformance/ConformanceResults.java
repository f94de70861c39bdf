package org.jakartamcp.conformance;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The checks.json files the conformance suite writes, one per scenario. */
final class ConformanceResults {

    private ConformanceResults() {
    }

    /** The checks with status SUCCESS, as "scenario: check". */
    static List<String> successes(Path results) throws IOException {
        List<String> successes = new ArrayList<>();
        for (Path checks : checkFiles(results)) {
            for (JsonObject check : read(checks).getValuesAs(JsonObject.class)) {
                if ("SUCCESS".equals(check.getString("status", ""))) {
                    successes.add(results.relativize(checks.getParent()) + ": " + check.getString("name", "?"));
                }
            }
        }
        return successes;
    }

    static List<String> failures(Path results) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Path checks : checkFiles(results)) {
            for (JsonObject check : read(checks).getValuesAs(JsonObject.class)) {
                if ("FAILURE".equals(check.getString("status", ""))) {
                    failures.add(results.relativize(checks.getParent()) + ": " + check.getString("name", "?") + " - "
                            + check.getString("errorMessage", ""));
                }
            }
        }
        return failures;
    }

    static List<Path> checkFiles(Path results) throws IOException {
        try (Stream<Path> files = Files.walk(results)) {
            return files.filter(file -> file.getFileName().toString().equals("checks.json")).toList();
        }
    }

    static JsonArray read(Path checks) throws IOException {
        return Json.createReader(new StringReader(Files.readString(checks))).readArray();
    }
}
