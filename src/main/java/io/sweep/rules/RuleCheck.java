package io.sweep.rules;

import io.sweep.crm.Metadata;
import io.sweep.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Validates a directory of rule files without a server, for {@code sweep check} in a CI
 * pipeline over the rules repository. Modules and fields come from the standard metadata
 * (Sweep's migrations applied to a throw-away in-memory database).
 */
public final class RuleCheck {
    private RuleCheck() {}

    /**
     * Every problem of every {@code *.js} file in {@code dir}, files in name order, then of the library
     * files in {@code dir/lib} that no rule imports (a library's problem is reported for each rule
     * importing it, at its place in the library); empty when all are valid.
     */
    public static List<RuleProblem> check(Path dir) {
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new RuleProblem(dir.toString(), 1, 1, "not a directory"));
            return problems;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.js")) {
            for (Path p : stream) {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) files.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort(null);
        RuleLibraries libraries = RuleLibraries.read(dir);
        if (files.isEmpty() && libraries.isEmpty()) return problems;
        java.util.Set<String> imported = new java.util.HashSet<>();
        try (var sandbox = new RuleSandbox()) {
            var validator = new RuleValidator(standardMetadata(), sandbox);
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".js".length());
                String text;
                if (!RuleRegistry.insideFolder(dir, file)) {
                    problems.add(new RuleProblem(file.toString(), 1, 1, RuleRegistry.OUTSIDE));
                    continue;
                }
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(new RuleProblem(file.toString(), 1, 1, "cannot read the file: " + e.getMessage()));
                    continue;
                }
                var checked = validator.validateImports(id, text, file.toString(), libraries);
                imported.addAll(checked.libraries());
                problems.addAll(checked.validation().problems());
            }
            java.util.SortedSet<String> names = new java.util.TreeSet<>(libraries.texts().keySet());
            names.addAll(libraries.unusable().keySet());
            for (String name : names) {
                if (imported.contains(name)) continue;
                problems.addAll(validator.validateLibrary(name, libraries, dir.resolve(RuleLibraries.FOLDER).resolve(name).toString()));
            }
        }
        return problems;
    }

    /** The metadata a fresh Sweep database starts with: the standard modules, fields and picklists. */
    public static Metadata standardMetadata() {
        try (Database db = Database.open("jdbc:h2:mem:sweep-check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0", "sa", "", 2)) {
            db.migrate();
            var metadata = new Metadata(db);
            metadata.reload();
            return metadata;
        }
    }
}
