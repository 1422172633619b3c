package io.sweep;

import io.sweep.rules.testing.CaseResult;
import io.sweep.rules.testing.JunitReport;
import io.sweep.rules.testing.RuleTests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep test [DIR|FILE…]}: runs the rules' cases without a server and reports like a test
 * runner: one line per case, problems as {@code file:line:col: message}, a summary. Exit code 0
 * when every case passed, 1 otherwise.
 */
@Command(name = "test", description = {
        "Run the rules' test cases (tests/<rule-id>.json beside the rules) through the sandbox and the field checks of a job, without a server.",
        "Exit code 0 when every case passes, 1 otherwise."})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
            description = "rules folders, rule files (.js) or case files (.json) (default: env SWEEP_RULES_DIR, else ./rules)")
    List<Path> paths = new ArrayList<>();
    @Option(names = "--junit", paramLabel = "FILE", description = "also write a JUnit XML report to FILE, for CI")
    Path junit;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Config config = Config.fromEnvironment(System.getenv());
        List<Path> targets = paths.isEmpty() ? List.of(config.rulesDir()) : paths;
        RuleTests.Report report = new RuleTests(config.limits(), config.ruleLimits(), Clock.systemUTC()).run(targets);
        for (RuleTests.RuleReport rule : report.rules()) {
            rule.problems().forEach(out::println);
            for (CaseResult c : rule.cases()) {
                out.println(c.line());
                if (!c.passed() && !c.log().isEmpty()) c.log().lines().forEach(line -> out.println("     log: " + line));
            }
            if (rule.note() != null) out.println("--   " + rule.rule() + ": " + rule.note());
        }
        out.println(summary(report));
        out.flush();
        if (junit != null) JunitReport.write(report, junit);
        return report.passed() ? 0 : 1;
    }

    private static String summary(RuleTests.Report report) {
        int cases = report.cases();
        int failed = report.failed();
        String text = cases + (cases == 1 ? " case: " : " cases: ") + (cases - failed) + " passed, " + failed + " failed";
        if (report.errors() > 0) text += "; " + report.errors() + (report.errors() == 1 ? " problem" : " problems") + " kept cases from running";
        return text;
    }
}
