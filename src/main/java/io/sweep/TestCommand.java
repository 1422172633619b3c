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
    @Option(names = "--snapshot", paramLabel = "RULE",
            description = "instead of testing: add cases to tests/RULE.json made from real records of a running server (--ids), each expecting what the rule makes of it now")
    String snapshot;
    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "with --snapshot: the records' ids (comma-separated or repeated)")
    List<String> ids = new ArrayList<>();
    @Option(names = "--url", description = "with --snapshot: the server (env SWEEP_URL, default http://localhost:7070)")
    String url;
    @Option(names = "--token", description = "with --snapshot: an API token that may read the rule's module (env SWEEP_TOKEN)")
    String token;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Config config = Config.fromEnvironment(System.getenv());
        if (snapshot != null) return snapshot(out, config);
        if (!ids.isEmpty()) throw new IllegalArgumentException("--ids goes with --snapshot RULE");
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

    /** Appends the snapshot's cases to the rule's case file (a case of the same name is replaced), creating it if need be. */
    private int snapshot(PrintWriter out, Config config) throws IOException {
        if (!io.sweep.rules.RuleValidator.validId(snapshot)) throw new IllegalArgumentException("--snapshot: not a rule id: " + snapshot);
        if (ids.isEmpty()) throw new IllegalArgumentException("--snapshot needs --ids: the records to make cases of");
        if (paths.size() > 1) throw new IllegalArgumentException("--snapshot takes at most one rules folder");
        Path dir = paths.isEmpty() ? config.rulesDir() : paths.get(0);
        Path ruleFile = dir.resolve(snapshot + ".js");
        if (!java.nio.file.Files.isRegularFile(ruleFile)) throw new IllegalArgumentException("no rule " + snapshot + " (expected " + ruleFile + ")");
        String base = url != null ? url : System.getenv().getOrDefault("SWEEP_URL", "http://localhost:7070");
        String t = token != null ? token : System.getenv("SWEEP_TOKEN");
        var server = new io.sweep.cli.ServerRecords(base, t, ids);
        RuleTests.RecordSource source = (module, include) -> server.records(module,
                include.stream().map(i -> new io.sweep.cli.ServerRecords.Related(i.lookup(), i.field())).toList());
        var cases = new RuleTests(config.limits(), config.ruleLimits(), Clock.systemUTC())
                .snapshot(ruleFile, source, Clock.systemUTC().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Path caseFile = dir.resolve(RuleTests.CASES_FOLDER).resolve(snapshot + ".json");
        var all = io.sweep.json.Json.MAPPER.createArrayNode();
        if (java.nio.file.Files.isRegularFile(caseFile)) {
            var existing = io.sweep.json.Json.MAPPER.readTree(caseFile.toFile());
            if (!existing.isArray()) throw new IllegalArgumentException(caseFile + " is not a JSON array of cases");
            var names = cases.stream().map(c -> c.get("name").asText()).collect(java.util.stream.Collectors.toSet());
            for (var c : existing) if (!names.contains(c.path("name").asText())) all.add(c);
        }
        cases.forEach(all::add);
        java.nio.file.Files.createDirectories(caseFile.getParent());
        java.nio.file.Files.writeString(caseFile, io.sweep.json.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
        for (var c : cases) out.println("added " + snapshot + "/" + c.get("name").asText() + ": expects " + c.get("expect"));
        out.println("wrote " + cases.size() + (cases.size() == 1 ? " case" : " cases") + " to " + caseFile
                + ": read each expectation, correct those that are wrong, and run `sweep test`");
        out.flush();
        return 0;
    }

    private static String summary(RuleTests.Report report) {
        int cases = report.cases();
        int failed = report.failed();
        String text = cases + (cases == 1 ? " case: " : " cases: ") + (cases - failed) + " passed, " + failed + " failed";
        if (report.errors() > 0) text += "; " + report.errors() + (report.errors() == 1 ? " problem" : " problems") + " kept cases from running";
        return text;
    }
}
