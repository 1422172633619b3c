package io.sweep.rules.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.auth.Principal;
import io.sweep.auth.Profile;
import io.sweep.auth.Scopes;
import io.sweep.auth.User;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.massupdate.Limits;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleCheck;
import io.sweep.rules.RuleLibraries;
import io.sweep.rules.RuleProblem;
import io.sweep.rules.RuleSandbox;
import io.sweep.rules.RuleTrigger;
import io.sweep.rules.RuleValidator;
import io.sweep.rules.SandboxLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code sweep test}: runs the cases of rules ({@code <rules>/tests/<rule-id>.json}) through the
 * real sandbox and the field checks of a rule job, without a server or a database: modules and
 * fields are the standard metadata {@code sweep check} uses.
 */
public final class RuleTests {
    /** Where a rule's cases live, relative to its folder; the loader ignores subfolders, so they are never taken for rules. */
    public static final String CASES_FOLDER = "tests";

    private final Limits limits;
    private final SandboxLimits sandboxLimits;
    private final Clock clock;

    /**
     * @param limits        the field-count limits a server with the same environment applies
     * @param sandboxLimits the script budgets, likewise
     * @param clock         {@code ctx.now} of cases that give no {@code now}
     */
    public RuleTests(Limits limits, SandboxLimits sandboxLimits, Clock clock) {
        this.limits = limits;
        this.sandboxLimits = sandboxLimits;
        this.clock = clock;
    }

    /** One rule's part of a test run: what kept it from running, and how its cases went. */
    public record RuleReport(String rule, List<RuleProblem> problems, List<CaseResult> cases, String note) {}

    /** A whole test run, rules in name order. */
    public record Report(List<RuleReport> rules) {
        public int cases() {
            return rules.stream().mapToInt(r -> r.cases().size()).sum();
        }

        public int failed() {
            return (int) rules.stream().flatMap(r -> r.cases().stream()).filter(c -> !c.passed()).count();
        }

        public int errors() {
            return rules.stream().mapToInt(r -> r.problems().size()).sum();
        }

        public boolean passed() {
            return failed() == 0 && errors() == 0;
        }
    }

    /** What to test for one rule: its file and its case file (either may be missing, which is a problem). */
    private record Target(String id, Path ruleFile, Path caseFile, boolean casesRequired) {}

    /** Runs the cases of the rules named by {@code paths}: rules folders, rule files ({@code .js}) and case files ({@code .json}). */
    public Report run(List<Path> paths) {
        Map<String, Target> targets = new TreeMap<>();
        List<RuleReport> reports = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                folderTargets(path, targets);
            } else if (path.getFileName() != null && path.getFileName().toString().endsWith(".js")) {
                String id = stripped(path, ".js");
                targets.put(id, new Target(id, path, casesOf(parent(path), id), true));
            } else if (path.getFileName() != null && path.getFileName().toString().endsWith(".json")) {
                String id = stripped(path, ".json");
                targets.put(id, new Target(id, parent(parent(path)).resolve(id + ".js"), path, true));
            } else {
                reports.add(new RuleReport(path.toString(), List.of(new RuleProblem(path.toString(), 1, 1,
                        Files.exists(path) ? "not a rules folder, a rule file (.js) or a case file (.json)" : "no such file or folder")),
                        List.of(), null));
            }
        }
        if (targets.isEmpty()) return new Report(reports);
        Metadata metadata = RuleCheck.standardMetadata();
        try (var sandbox = new RuleSandbox(sandboxLimits, clock)) {
            var validator = new RuleValidator(metadata, sandbox);
            var runner = new CaseRunner(sandbox, new MassUpdateValidator(limits), administrator(), clock.millis(), metadata);
            for (Target t : targets.values()) reports.add(test(t, metadata, validator, runner));
        }
        return new Report(reports);
    }

    private static void folderTargets(Path dir, Map<String, Target> targets) {
        for (Path rule : list(dir, "*.js")) {
            String id = stripped(rule, ".js");
            targets.put(id, new Target(id, rule, casesOf(dir, id), false));
        }
        for (Path cases : list(dir.resolve(CASES_FOLDER), "*.json")) {
            String id = stripped(cases, ".json");
            targets.putIfAbsent(id, new Target(id, dir.resolve(id + ".js"), cases, true));
        }
    }

    private RuleReport test(Target t, Metadata metadata, RuleValidator validator, CaseRunner runner) {
        Path caseFile = t.caseFile();
        if (!RuleValidator.validId(t.id())) {
            Path named = caseFile != null ? caseFile : t.ruleFile();
            return problem(t, new RuleProblem(named.toString(), 1, 1, "\"" + t.id() + "\" is not a rule id ([A-Za-z0-9_-]+, at most 100 characters)"));
        }
        if (!Files.isRegularFile(t.ruleFile())) {
            return problem(t, new RuleProblem(caseFile.toString(), 1, 1, "no rule " + t.id() + " (expected " + t.ruleFile() + ")"));
        }
        boolean hasCases = caseFile != null && Files.isRegularFile(caseFile);
        if (!hasCases && t.casesRequired()) {
            return problem(t, new RuleProblem(t.ruleFile().toString(), 1, 1, "the rule has no cases (expected " + caseFile + ")"));
        }
        String text;
        try {
            text = Files.readString(t.ruleFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return problem(t, new RuleProblem(t.ruleFile().toString(), 1, 1, "cannot read the file: " + e.getMessage()));
        }
        // the rule imports the libraries of its own folder's lib folder
        Path folder = t.ruleFile().toAbsolutePath().getParent();
        var validation = validator.validate(t.id(), text, t.ruleFile().toString(), folder == null ? RuleLibraries.NONE : RuleLibraries.read(folder));
        if (!validation.ok()) return new RuleReport(t.id(), validation.problems(), List.of(), null);
        if (!hasCases) return new RuleReport(t.id(), List.of(), List.of(), "no cases (write " + caseFile + ")");
        List<RuleCase> cases;
        try {
            cases = CaseFile.read(caseFile);
        } catch (CaseFileException e) {
            return problem(t, e.problem());
        }
        Module module = metadata.module(validation.rule().module()).orElseThrow();
        List<CaseResult> results = new ArrayList<>();
        for (RuleCase c : cases) results.add(runner.run(validation.rule(), module, c));
        return new RuleReport(t.id(), List.of(), results, cases.isEmpty() ? "the case file holds no cases" : null);
    }

    /** Where a snapshot's records come from: a running server, given the rule's module and the related fields it includes. */
    public interface RecordSource {
        List<ObjectNode> records(String module, List<Rule.Include> include);
    }

    /**
     * Cases made from real records: each record as {@code source} gives it, through the rule in
     * {@code ruleFile} at {@code now}, expecting what the rule makes of it now. A starting point to
     * read and correct, not a proof the rule is right.
     *
     * @throws IllegalArgumentException when the rule does not load (its problems, one per line)
     */
    public List<ObjectNode> snapshot(Path ruleFile, RecordSource source, java.time.Instant now) {
        String id = stripped(ruleFile, ".js");
        String text;
        try {
            text = Files.readString(ruleFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + ruleFile + ": " + e.getMessage());
        }
        Metadata metadata = RuleCheck.standardMetadata();
        try (var sandbox = new RuleSandbox(sandboxLimits, clock)) {
            var validator = new RuleValidator(metadata, sandbox);
            Path folder = ruleFile.toAbsolutePath().getParent();
            var validation = validator.validate(id, text, ruleFile.toString(), folder == null ? RuleLibraries.NONE : RuleLibraries.read(folder));
            if (!validation.ok()) {
                throw new IllegalArgumentException(String.join("; ", validation.problems().stream().map(RuleProblem::toString).toList()));
            }
            Rule rule = validation.rule();
            Module module = metadata.module(rule.module()).orElseThrow();
            var runner = new CaseRunner(sandbox, new MassUpdateValidator(limits), administrator(), now.toEpochMilli(), metadata);
            List<ObjectNode> cases = new ArrayList<>();
            for (ObjectNode record : source.records(rule.module(), rule.select().include())) {
                String name = "record " + record.path("id").asText("?") + " as of " + now;
                var c = new RuleCase(name, 0, record, Map.of(), now.toEpochMilli(), RuleTrigger.MANUAL, new Expectation.Skip());
                List<String> problems = new ArrayList<>();
                CaseRunner.Decided decided = runner.decide(rule, module, c, problems);
                if (decided == null) throw new IllegalArgumentException("record " + record.path("id").asText() + ": " + String.join("; ", problems));
                ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                node.put("name", name);
                node.set("record", record);
                node.put("now", now.toString());
                node.set("expect", Outcome.asExpectation(decided.outcome()));
                cases.add(node);
            }
            return cases;
        }
    }

    private static RuleReport problem(Target t, RuleProblem problem) {
        return new RuleReport(t.id(), List.of(problem), List.of(), null);
    }

    /**
     * Cases run as an administrator would: which fields the rule's {@code runAs} may edit is only
     * known to a server, as custom fields are.
     */
    private static Principal administrator() {
        var profile = new Profile(0, "Administrator", true, Map.of(), Map.of());
        return new Principal(new User(0, "admin@sweep.local", "Administrator", 0, true), profile, Set.of(), Scopes.of(List.of()));
    }

    private static Path casesOf(Path rulesDir, String id) {
        return rulesDir.resolve(CASES_FOLDER).resolve(id + ".json");
    }

    /** The folder holding {@code file}, spelled as the user spelled the file (the working folder when they named none). */
    private static Path parent(Path file) {
        Path parent = file.getParent();
        return parent != null ? parent : Path.of("");
    }

    private static String stripped(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private static List<Path> list(Path dir, String glob) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            for (Path p : stream) {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) files.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort(null);
        return files;
    }
}
