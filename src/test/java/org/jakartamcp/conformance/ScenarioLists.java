package org.jakartamcp.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lists of scenarios in the conformance suite's YAML files: its requirement sets
 * ({@code requirements/<revision>.yaml} in its package) and an expected-failures baseline. Both are
 * flat: top-level keys holding lists of names, and {@code not_scored} holding small mappings.
 */
final class ScenarioLists {

    private static final Pattern SECTION = Pattern.compile("^([A-Za-z_][\\w-]*):\\s*(?:#.*)?$");
    private static final Pattern NAME = Pattern.compile("^\\s+-\\s+([^\\s#:][^\\s#]*)\\s*(?:#.*)?$");
    private static final Pattern ENTRY = Pattern.compile("^\\s+-\\s+scenario:\\s*(\\S+)\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\s+(leg|reason):\\s*(\\S+)\\s*$");

    private ScenarioLists() {
    }

    /** The names listed under {@code server:}. */
    static List<String> server(String yaml) {
        List<String> names = new ArrayList<>();
        String section = null;
        for (String line : yaml.split("\n")) {
            Matcher top = SECTION.matcher(line);
            if (top.matches()) {
                section = top.group(1);
                continue;
            }
            Matcher name = NAME.matcher(line);
            if ("server".equals(section) && name.matches()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** The server scenarios under {@code not_scored:}, each with its reason (extension, pending, added-after-release). */
    static Map<String, String> notScoredOnServer(String yaml) {
        Map<String, String> reasons = new LinkedHashMap<>();
        String section = null;
        String scenario = null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : (yaml + "\nend:").split("\n")) {
            Matcher top = SECTION.matcher(line);
            Matcher entry = ENTRY.matcher(line);
            if (scenario != null && (top.matches() || entry.matches())) {
                if ("server".equals(fields.get("leg"))) {
                    reasons.put(scenario, fields.getOrDefault("reason", "?"));
                }
                scenario = null;
                fields.clear();
            }
            if (top.matches()) {
                section = top.group(1);
            } else if ("not_scored".equals(section) && entry.matches()) {
                scenario = entry.group(1);
            } else if (scenario != null) {
                Matcher field = FIELD.matcher(line);
                if (field.matches()) {
                    fields.put(field.group(1), field.group(2));
                }
            }
        }
        return reasons;
    }
}
