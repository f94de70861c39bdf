package org.jakartamcp.tools.math;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jakartamcp.mcp.spi.CompletePrompt;
import org.jakartamcp.mcp.spi.CompleteArg;
import org.jakartamcp.mcp.spi.Prompt;
import org.jakartamcp.mcp.spi.PromptArg;

/** Prompts that put the math tools to work on a whole task. */
@ApplicationScoped
public class MathPrompts {

    static final List<String> AUDIENCES = List.of("analyst", "child", "engineer", "student");

    @Prompt(name = "step_by_step", title = "Solve step by step", description = "Solves a math problem step by step, "
            + "computing every number with this server's exact tools instead of estimating it.")
    public String stepByStep(@PromptArg(description = "The problem, in words or symbols") String problem,
                             @PromptArg(description = "Who the explanation is for: student, engineer, analyst or child",
                                     required = false) String audience) {
        return "Solve this problem step by step" + (audience == null || audience.isBlank() ? "" : " for " + article(audience) + " " + audience)
                + ". Work out every number with the math tools (add, divide, power, evaluate, ...) rather than in your head, "
                + "show each step with the tool's result, and end with the answer on its own line.\n\nProblem: " + problem;
    }

    @CompletePrompt("step_by_step")
    public List<String> completeAudience(@CompleteArg(name = "audience") String prefix) {
        return AUDIENCES.stream().filter(audience -> audience.startsWith(prefix)).toList();
    }

    @Prompt(name = "statistics_report", title = "Statistics report", description = "Writes a short statistical report on "
            + "a data set: summary, spread, outliers and, for pairs, correlation and a fitted line.")
    public String statisticsReport(@PromptArg(description = "The data: numbers separated by commas or spaces, or pairs x,y per line")
                                   String data) {
        return "Write a short statistical report on the data below. Use the statistics tool for the summary, percentile for the "
                + "quartiles (25, 50, 75) and to flag values beyond 1.5 interquartile ranges as outliers, and, if the data are "
                + "pairs, correlation and linear_regression. Quote the tools' numbers exactly.\n\nData:\n" + data;
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
