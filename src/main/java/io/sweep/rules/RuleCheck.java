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

    /** Every problem of every {@code *.js} file in {@code dir}, files in name order; empty when all are valid. */
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
        if (files.isEmpty()) return problems;
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
                problems.addAll(validator.validate(id, text, file.toString()).problems());
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
