package io.sweep.rules;

import io.sweep.crm.DataType;
import io.sweep.crm.Field;
import io.sweep.crm.Metadata;
import io.sweep.crm.PicklistValue;
import io.sweep.crm.criteria.Comparator;
import io.sweep.crm.criteria.Condition;
import io.sweep.crm.criteria.Criteria;
import io.sweep.crm.criteria.CriteriaTemplate;
import io.sweep.crm.criteria.Group;
import io.sweep.crm.criteria.SearchCriteriaParser;
import io.sweep.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Validates rule files without a server, for {@code sweep check} in a CI pipeline over the rules
 * repository. Modules, fields and picklists come from the standard metadata (Sweep's migrations
 * applied to a throw-away in-memory database) or from a real database; only a real database
 * knows the users, so only then is {@code runAs} looked up.
 */
public final class RuleCheck {
    private RuleCheck() {}

    /** What rules are checked against: the metadata, and the users' e-mails (lower case) when known, else null. */
    public record Reference(Metadata metadata, Set<String> users) {}

    /**
     * Every problem of every {@code *.js} file in {@code dir} against the standard metadata, files in
     * name order, then of the library files in {@code dir/lib} that no rule imports (a library's
     * problem is reported for each rule importing it, at its place in the library); empty when all are valid.
     */
    public static List<RuleProblem> check(Path dir) {
        return check(List.of(dir), RuleCheck::standardReference);
    }

    /**
     * Every problem of the given rule files and of the {@code *.js} files in the given folders,
     * each folder's files in name order, then each folder's libraries no rule imported. A rule's
     * imports are served by the {@code lib} folder beside it. The reference is read on a thread of
     * its own while GraalJS starts (each takes seconds of a cold JVM), and not at all when there is
     * nothing to check.
     */
    public static List<RuleProblem> check(List<Path> paths, Supplier<Reference> reference) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleFile> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(ruleFiles(path, problems));
            if (Files.isDirectory(path)) folders.add(path);
        }
        Map<Path, RuleLibraries> libraries = new HashMap<>();
        for (RuleFile file : files) libraries.computeIfAbsent(file.folder(), RuleLibraries::read);
        for (Path folder : folders) libraries.computeIfAbsent(folder, RuleLibraries::read);
        if (files.isEmpty() && libraries.values().stream().allMatch(RuleLibraries::isEmpty)) return problems;
        // logging starts here, on one thread: two threads starting it at once make SLF4J print a warning
        org.slf4j.LoggerFactory.getILoggerFactory();
        CompletableFuture<Reference> loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                loading.complete(reference.get());
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        }, "sweep-check-metadata");
        loader.setDaemon(true);
        loader.start();
        try (var sandbox = new RuleSandbox()) {
            Reference ref = join(loading);
            var validator = new RuleValidator(ref.metadata(), sandbox);
            Set<String> imported = new HashSet<>();
            for (RuleFile file : files) problems.addAll(check(file, validator, ref, libraries.get(file.folder()), imported));
            for (Path folder : folders) problems.addAll(unimportedLibraries(folder, libraries.get(folder), validator, imported));
        }
        return problems;
    }

    /** The problems of the libraries of {@code folder} that no checked rule imported (those are reported for the rules importing them). */
    private static List<RuleProblem> unimportedLibraries(Path folder, RuleLibraries libraries, RuleValidator validator, Set<String> imported) {
        List<RuleProblem> problems = new ArrayList<>();
        SortedSet<String> names = new TreeSet<>(libraries.texts().keySet());
        names.addAll(libraries.unusable().keySet());
        for (String name : names) {
            Path file = folder.resolve(RuleLibraries.FOLDER).resolve(name);
            if (imported.contains(file.toAbsolutePath().normalize().toString())) continue;
            problems.addAll(validator.validateLibrary(name, libraries, file.toString()));
        }
        return problems;
    }

    private static Reference join(CompletableFuture<Reference> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** A rule file and the folder it counts as inside of. */
    private record RuleFile(Path folder, Path file) {}

    private static List<RuleFile> ruleFiles(Path path, List<RuleProblem> problems) {
        List<RuleFile> files = new ArrayList<>();
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".js")) {
            Path parent = path.toAbsolutePath().getParent();
            files.add(new RuleFile(parent, path));
            return files;
        }
        if (!Files.isDirectory(path)) {
            boolean script = path.getFileName() != null && path.getFileName().toString().endsWith(".js");
            problems.add(new RuleProblem(path.toString(), 1, 1, script ? "no such file" : Files.exists(path) ? "not a rule file (.js)" : "not a directory"));
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path, "*.js")) {
            for (Path p : stream) {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) files.add(new RuleFile(path, p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
        files.sort(java.util.Comparator.comparing(RuleFile::file));
        return files;
    }

    private static List<RuleProblem> check(RuleFile rf, RuleValidator validator, Reference ref, RuleLibraries libraries, Set<String> imported) {
        Path file = rf.file();
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".js".length());
        if (!RuleRegistry.insideFolder(rf.folder(), file)) return List.of(new RuleProblem(file.toString(), 1, 1, RuleRegistry.OUTSIDE));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(new RuleProblem(file.toString(), 1, 1, "cannot read the file: " + e.getMessage()));
        }
        var checked = validator.validateImports(id, text, file.toString(), libraries);
        for (String library : checked.libraries()) {
            imported.add(rf.folder().resolve(RuleLibraries.FOLDER).resolve(library).toAbsolutePath().normalize().toString());
        }
        var validation = checked.validation();
        if (!validation.ok()) return validation.problems();
        return beyondTheShape(validation.rule(), text, file.toString(), ref);
    }

    /**
     * What a valid rule may still get wrong that the server would not refuse at load time, yet
     * that makes its runs fail or select nothing: a {@code runAs} user that does not exist, a
     * criteria value that is not one of its picklist's values.
     */
    private static List<RuleProblem> beyondTheShape(Rule rule, String text, String label, Reference ref) {
        List<RuleProblem> problems = new ArrayList<>();
        var positions = new SourcePositions(text);
        if (ref.users() != null && !ref.users().contains(rule.runAs().toLowerCase(Locale.ROOT))) {
            var at = positions.key("runAs");
            problems.add(new RuleProblem(label, at.line(), at.column(), "rule.runAs: no user " + rule.runAs() + " in the database"));
        }
        String criteria = rule.select().criteria();
        var module = ref.metadata().module(rule.module());
        if (criteria != null && module.isPresent() && rule.params().keySet().containsAll(CriteriaTemplate.names(criteria))) {
            var at = positions.key("select", "criteria");
            List<String> unknown = new ArrayList<>();
            picklistMisses(SearchCriteriaParser.parse(module.get(), CriteriaTemplate.bind(criteria, rule.params())), unknown);
            unknown.forEach(message -> problems.add(new RuleProblem(label, at.line(), at.column(), "rule.select.criteria: " + message)));
        }
        return problems;
    }

    /** Values compared for (in)equality with a picklist that are none of its values: such a condition never matches (or always does). */
    static void picklistMisses(Criteria criteria, List<String> messages) {
        switch (criteria) {
            case Group g -> g.children().forEach(c -> picklistMisses(c, messages));
            case Condition c -> {
                Field field = c.field();
                boolean picklist = field.dataType() == DataType.PICKLIST || field.dataType() == DataType.MULTISELECTPICKLIST;
                boolean exact = Set.of(Comparator.EQUAL, Comparator.IN).contains(c.comparator().positive());
                if (!picklist || !exact || field.picklistValues().isEmpty()) return;
                for (Object value : c.values()) {
                    if (value instanceof String s && field.picklistValues().stream().noneMatch(v -> v.actualValue().equalsIgnoreCase(s))) {
                        messages.add("\"" + s + "\" is not a value of " + field.apiName() + " (allowed: "
                                + field.picklistValues().stream().map(PicklistValue::actualValue).collect(Collectors.joining(", ")) + ")");
                    }
                }
            }
            default -> { }
        }
    }

    /** The metadata a fresh Sweep database starts with, and no users: a fresh database's are not those a rule runs as. */
    public static Reference standardReference() {
        return new Reference(standardMetadata(), null);
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

    /** A database's own metadata (custom fields and picklist values included) and users; it is read, never migrated or written. */
    public static Reference databaseReference(Database db) {
        var metadata = new Metadata(db);
        metadata.reload();
        Set<String> users = Set.copyOf(db.read(h -> h.createQuery("SELECT LOWER(email) FROM users").mapTo(String.class).list()));
        return new Reference(metadata, users);
    }
}
