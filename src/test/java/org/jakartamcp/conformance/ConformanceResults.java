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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The checks.json files the conformance suite writes, one per scenario. */
final class ConformanceResults {

    /** The directory the suite writes a scenario's results to: {@code server-<scenario>-<time>}. */
    private static final Pattern SCENARIO_DIRECTORY = Pattern.compile("server-(.+)-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z");

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

    /** One check of one scenario. */
    record Check(String scenario, String id, String status, String message) {

        @Override
        public String toString() {
            return scenario + ": " + status + " " + id + (message.isEmpty() ? "" : " - " + message);
        }
    }

    /** Every check of every scenario, in the order of the scenarios' directories. */
    static List<Check> checks(Path results) throws IOException {
        List<Check> all = new ArrayList<>();
        for (Path checks : checkFiles(results)) {
            for (JsonObject check : read(checks).getValuesAs(JsonObject.class)) {
                all.add(new Check(scenario(checks), check.getString("id", check.getString("name", "?")),
                        check.getString("status", "?"), check.getString("errorMessage", "")));
            }
        }
        return all;
    }

    /** The scenario whose checks these are. */
    static String scenario(Path checks) {
        String directory = checks.getParent().getFileName().toString();
        Matcher matcher = SCENARIO_DIRECTORY.matcher(directory);
        return matcher.matches() ? matcher.group(1) : directory;
    }

    /** The scenarios that ran. */
    static Set<String> scenarios(Path results) throws IOException {
        Set<String> scenarios = new TreeSet<>();
        for (Path checks : checkFiles(results)) {
            scenarios.add(scenario(checks));
        }
        return scenarios;
    }

    static List<Path> checkFiles(Path results) throws IOException {
        try (Stream<Path> files = Files.walk(results)) {
            return files.filter(file -> file.getFileName().toString().equals("checks.json")).sorted().toList();
        }
    }

    static JsonArray read(Path checks) throws IOException {
        return Json.createReader(new StringReader(Files.readString(checks))).readArray();
    }
}
