package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.sweep.crm.Ids;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.criteria.CriteriaException;
import io.sweep.crm.criteria.CriteriaTemplate;
import io.sweep.crm.criteria.SearchCriteriaParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a rule file can be loaded: it must evaluate as an ES module in the sandbox,
 * export {@code rule} metadata of the documented shape and an {@code update} function, name a
 * module that exists, select by a criteria that parses for that module or by a custom view id,
 * and give a valid cron expression if it has a schedule. Every problem found is reported, each
 * with the line it concerns.
 */
public final class RuleValidator {
    /** A rule id: the file name without {@code .js}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    /**
     * The longest rule id: short enough for the file name (and its temporary twin) on any file
     * system, and for the columns that hold it ({@code jobs.rule_id}, {@code jobs.active_key}).
     */
    public static final int MAX_ID_LENGTH = 100;
    /** The profiles {@code rule.allow.profiles} may name. */
    public static final List<String> PROFILES = List.of("Administrator", "Standard", "Sales Rep");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    /** Rule files are small; a larger one is almost certainly not a rule. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private static final Set<String> RULE_KEYS = Set.of("module", "description", "select", "triggers", "runAs", "params", "allow");
    private static final Set<String> ALLOW_KEYS = Set.of("users", "profiles");
    private static final Set<String> SELECT_KEYS = Set.of("criteria", "cvid", "territory", "include");
    private static final Set<String> TERRITORY_KEYS = Set.of("id", "include_child");
    private static final Set<String> TRIGGER_KEYS = Set.of("webhook", "schedule");

    private final Metadata metadata;
    private final RuleSandbox sandbox;

    public RuleValidator(Metadata metadata, RuleSandbox sandbox) {
        this.metadata = metadata;
        this.sandbox = sandbox;
    }

    /** A loadable rule, or the problems that keep it from loading (never both). */
    public record Validation(Rule rule, List<RuleProblem> problems) {
        public Validation {
            problems = List.copyOf(problems);
            if ((rule == null) == problems.isEmpty()) throw new IllegalArgumentException("a rule or problems");
        }

        public boolean ok() {
            return rule != null;
        }
    }

    /** Whether {@code id} can name a rule: {@link #ID} and at most {@link #MAX_ID_LENGTH} characters. */
    public static boolean validId(String id) {
        return id != null && id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
    }

    /**
     * @param id    the rule id (the file name without {@code .js})
     * @param text  the file's content
     * @param label how problems name the file, e.g. {@code rules/stale-leads.js}
     */
    public Validation validate(String id, String text, String label) {
        return validate(id, text, label, RuleLibraries.NONE);
    }

    /**
     * As {@link #validate(String, String, String)}, the rule's imports served by {@code libraries}.
     * The rule keeps the libraries it imports (transitively) and its version covers them. A problem
     * in a library is reported at its place in the library, labelled as the library file beside
     * {@code label} ({@code rules/lib/phone.js} for {@code rules/x.js}).
     */
    public Validation validate(String id, String text, String label, RuleLibraries libraries) {
        return new Check(id, text, label, libraries).run();
    }

    /** The libraries a validation read (by file name), whether it succeeded or not: the rules of a library to report. */
    public record Imports(Validation validation, java.util.SortedSet<String> libraries) {}

    /** {@link #validate(String, String, String, RuleLibraries)}, also telling which libraries the rule imported. */
    public Imports validateImports(String id, String text, String label, RuleLibraries libraries) {
        Check check = new Check(id, text, label, libraries);
        Validation validation = check.run();
        return new Imports(validation, check.files.read());
    }

    /**
     * The problems of one library file on its own (a syntax error, top-level code that throws, an
     * import it may not make), for a library no rule imports; a rule reports the problems of those it imports.
     *
     * @param label how problems name the library file, e.g. {@code rules/lib/phone.js}
     */
    public List<RuleProblem> validateLibrary(String name, RuleLibraries libraries, String label) {
        String why = libraries.unusable().get(name);
        if (why != null) return List.of(new RuleProblem(label, 1, 1, why));
        if (!RuleLibraries.NAME.matcher(name).matches()) {
            return List.of(new RuleProblem(label, 1, 1, "a library file's name must be [A-Za-z0-9_-]+.js; it cannot be imported"));
        }
        // a module that only imports the library: its errors are the library's
        String importer = "import \"./" + RuleLibraries.FOLDER + "/" + name + "\";\n";
        var files = new LibraryFileSystem(libraries);
        if (sandbox.inspect("library-check.js", version(importer), importer, files) instanceof Inspection.Failed f) {
            return List.of(new RuleProblem(label, f.line(), f.column(), f.message()));
        }
        return List.of();
    }

    /**
     * The version of a rule importing {@code libraries}: the SHA-256 of its text alone when it imports
     * none (as it always was), else of its text and every library's name and text, so a change to a
     * library it uses is a new version of the rule.
     */
    public static String version(String text, RuleLibraries libraries) {
        if (libraries.texts().isEmpty()) return version(text);
        var all = new StringBuilder(text);
        libraries.texts().forEach((name, lib) -> all.append("\0lib/").append(name).append('\0').append(lib.length()).append('\0').append(lib));
        return version(all.toString());
    }

    public static String version(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A five-field cron expression (minute hour day month weekday) gets a leading {@code 0}
     * seconds field; a six-field one is taken as it is. Either way the result is checked by
     * db-scheduler, which runs the schedules.
     */
    static String sixFieldCron(String expression) {
        String trimmed = expression.strip();
        String[] fields = trimmed.split("\\s+");
        String cron = switch (fields.length) {
            case 5 -> "0 " + String.join(" ", fields);
            case 6 -> String.join(" ", fields);
            default -> throw new IllegalArgumentException(
                    "a cron expression has 5 fields (minute hour day month weekday) or 6 (seconds first), not " + fields.length);
        };
        Schedules.cron(cron, ZoneOffset.UTC);
        return cron;
    }

    /** One validation: the file, what was found in it, and the problems so far. */
    private final class Check {
        private final String id;
        private final String text;
        private final String label;
        private final SourcePositions positions;
        private final List<RuleProblem> problems = new ArrayList<>();
        private final LibraryFileSystem files;

        Check(String id, String text, String label, RuleLibraries libraries) {
            this.id = id;
            this.text = text;
            this.label = label;
            this.positions = new SourcePositions(text);
            this.files = new LibraryFileSystem(libraries);
        }

        Validation run() {
            if (!ID.matcher(id).matches()) problem(1, 1, "a rule file's name must be [A-Za-z0-9_-]+.js, not \"" + id + ".js\"");
            else if (id.length() > MAX_ID_LENGTH) problem(1, 1, "a rule file's name must be at most " + MAX_ID_LENGTH + " characters before .js");
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
                problem(1, 1, "the file is larger than " + MAX_FILE_BYTES + " bytes");
                return new Validation(null, problems);
            }
            String file = id + ".js";
            switch (sandbox.inspect(file, version(text), text, files)) {
                case Inspection.Failed f -> {
                    if (f.library() == null) problem(f.line(), f.column(), f.message());
                    else problems.add(new RuleProblem(libraryLabel(f.library()), f.line(), f.column(), f.message() + " (imported by " + file + ")"));
                    return new Validation(null, problems);
                }
                case Inspection.Exports exports -> {
                    RuleLibraries imported = files.libraries().only(files.read());
                    Rule rule = rule(exports, file, version(text, imported), imported);
                    update(exports.update());
                    return problems.isEmpty() ? new Validation(rule, List.of()) : new Validation(null, problems);
                }
            }
        }

        private void update(String kind) {
            var at = positions.updateExport();
            switch (kind) {
                case "function" -> { }
                case "missing" -> problem(at, "missing export: export function update(record, ctx) { … }");
                default -> problem(at, "update must be a function, not " + kind);
            }
        }

        /** A library file as problems name it: beside the rule's label, in the lib folder. */
        private String libraryLabel(String library) {
            int slash = Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\'));
            return label.substring(0, slash + 1) + RuleLibraries.FOLDER + "/" + library;
        }

        private Rule rule(Inspection.Exports exports, String file, String version, RuleLibraries imported) {
            switch (exports.rule()) {
                case "missing" -> {
                    problem(1, 1, "missing export: export const rule = { module, select, runAs, … }");
                    return null;
                }
                case "invalid" -> {
                    problem(positions.ruleExport(), exports.ruleError());
                    return null;
                }
                default -> { }
            }
            JsonNode rule = exports.value();
            rule.fieldNames().forEachRemaining(key -> {
                if (!RULE_KEYS.contains(key)) problem(positions.key(key), "unknown key rule." + key + " (known: allow, description, module, params, runAs, select, triggers)");
            });
            Module module = module(rule.get("module"));
            String description = optionalString(rule, "description", "rule.description");
            Params declared = params(rule.get("params"));
            Map<String, JsonNode> params = declared.defaults();
            Rule.Selection select = select(rule.get("select"), module, params);
            Rule.Triggers triggers = triggers(rule.get("triggers"));
            String runAs = runAs(rule.get("runAs"));
            Rule.Allow allow = allow(rule.get("allow"));
            if (!problems.isEmpty()) return null;
            return new Rule(id, file, version, module.apiName(), description == null ? "" : description, select, triggers, runAs, params, text,
                    allow, declared.schema(), imported);
        }

        private Module module(JsonNode node) {
            var at = positions.key("module");
            if (node == null) {
                problem(positions.ruleExport(), "rule.module is required, e.g. module: \"Leads\"");
                return null;
            }
            if (!node.isTextual()) {
                problem(at, "rule.module must be a string");
                return null;
            }
            Optional<Module> module = metadata.module(node.asText());
            if (module.isEmpty()) problem(at, "unknown module \"" + node.asText() + "\"");
            return module.orElse(null);
        }

        private Rule.Selection select(JsonNode node, Module module, Map<String, JsonNode> params) {
            if (node == null) {
                problem(positions.ruleExport(), "rule.select is required: { criteria: \"(Field:equals:value)\" } or { cvid: \"…\" }");
                return null;
            }
            var at = positions.key("select");
            if (!node.isObject()) {
                problem(at, "rule.select must be an object: { criteria: \"…\" } or { cvid: \"…\" }");
                return null;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!SELECT_KEYS.contains(key)) problem(positions.key("select", key), "unknown key rule.select." + key + " (known: criteria, cvid, include, territory)");
            });
            JsonNode criteria = node.get("criteria");
            JsonNode cvid = node.get("cvid");
            if ((criteria == null) == (cvid == null)) {
                problem(at, "rule.select needs exactly one of criteria and cvid");
                return null;
            }
            Rule.Territory territory = territory(node.get("territory"));
            List<Rule.Include> include = include(node.get("include"), module);
            if (criteria != null) {
                var criteriaAt = positions.key("select", "criteria");
                if (!criteria.isTextual() || criteria.asText().isBlank()) {
                    problem(criteriaAt, "rule.select.criteria must be a search criteria string, e.g. \"(Lead_Status:equals:Contacted)\"");
                    return null;
                }
                // placeholders take a run's parameters; checked here with the defaults when every one has a default,
                // else when a run binds them (a run lacking one is refused before any job exists)
                boolean checkable = params.keySet().containsAll(CriteriaTemplate.names(criteria.asText()));
                if (module != null && checkable) {
                    try {
                        SearchCriteriaParser.parse(module, CriteriaTemplate.bind(criteria.asText(), params));
                    } catch (CriteriaException | CriteriaTemplate.UnboundParameter e) {
                        problem(criteriaAt, "rule.select.criteria: " + e.getMessage());
                        return null;
                    }
                }
                return new Rule.Selection(criteria.asText(), null, territory, include);
            }
            if (!cvid.isTextual() || Ids.parse(cvid.asText()).isEmpty()) {
                problem(positions.key("select", "cvid"), "rule.select.cvid must be a custom view id as a string of digits");
                return null;
            }
            return new Rule.Selection(null, cvid.asText(), territory, include);
        }

        /**
         * {@code include: ["Account_Name.Billing_Country", "Owner.email"]}: a lookup or owner field of
         * the module, then a field of the module it points at (of a user: {@link Rule.Include#OWNER_FIELDS}).
         */
        private List<Rule.Include> include(JsonNode node, Module module) {
            List<Rule.Include> include = new ArrayList<>();
            if (node == null) return include;
            var at = positions.key("select", "include");
            if (!node.isArray()) {
                problem(at, "rule.select.include must be a list of \"Lookup.Field\" paths, e.g. [\"Account_Name.Billing_Country\"]");
                return include;
            }
            for (JsonNode path : node) {
                if (!path.isTextual()) {
                    problem(at, "rule.select.include must be a list of \"Lookup.Field\" paths, e.g. [\"Account_Name.Billing_Country\"]");
                    continue;
                }
                String[] parts = path.asText().split("\\.", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    problem(at, "rule.select.include: \"" + path.asText() + "\" is not Lookup.Field, e.g. \"Account_Name.Billing_Country\"");
                    continue;
                }
                if (module == null) continue;
                String wrong = includeProblem(module, parts[0], parts[1]);
                if (wrong != null) problem(at, "rule.select.include: \"" + path.asText() + "\": " + wrong);
                else if (!include.contains(new Rule.Include(parts[0], parts[1]))) include.add(new Rule.Include(parts[0], parts[1]));
            }
            return include;
        }

        /** Why {@code lookup.field} cannot be read for records of {@code module}, or null. */
        private String includeProblem(Module module, String lookup, String field) {
            Optional<io.sweep.crm.Field> reference = module.field(lookup);
            if (reference.isEmpty()) return module.apiName() + " has no field " + lookup;
            var type = reference.get().dataType();
            if (type == io.sweep.crm.DataType.OWNERLOOKUP) {
                return Rule.Include.OWNER_FIELDS.contains(field) ? null
                        : lookup + " points at a user, who has no field " + field + " (known: " + String.join(", ", Rule.Include.OWNER_FIELDS) + ")";
            }
            Optional<Module> related = type == io.sweep.crm.DataType.LOOKUP && reference.get().lookupModuleId() != null
                    ? metadata.moduleById(reference.get().lookupModuleId()) : Optional.empty();
            if (related.isEmpty()) return lookup + " is not a lookup or owner field of " + module.apiName();
            if (related.get().field(field).isEmpty()) return related.get().apiName() + " (which " + lookup + " points at) has no field " + field;
            return null;
        }

        private Rule.Territory territory(JsonNode node) {
            if (node == null) return null;
            var at = positions.key("select", "territory");
            if (!node.isObject()) {
                problem(at, "rule.select.territory must be an object: { id: \"…\", include_child: true }");
                return null;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!TERRITORY_KEYS.contains(key)) problem(positions.key("territory", key), "unknown key rule.select.territory." + key + " (known: id, include_child)");
            });
            JsonNode territoryId = node.get("id");
            if (territoryId == null || !territoryId.isTextual() || Ids.parse(territoryId.asText()).isEmpty()) {
                problem(at, "rule.select.territory.id must be a territory id as a string of digits");
                return null;
            }
            JsonNode child = node.get("include_child");
            if (child != null && !child.isBoolean()) {
                problem(positions.key("territory", "include_child"), "rule.select.territory.include_child must be true or false");
                return null;
            }
            return new Rule.Territory(territoryId.asText(), child != null && child.booleanValue());
        }

        private Rule.Triggers triggers(JsonNode node) {
            if (node == null) return Rule.Triggers.NONE;
            var at = positions.key("triggers");
            if (!node.isObject()) {
                problem(at, "rule.triggers must be an object: { webhook: true, schedule: \"0 3 * * *\" }");
                return Rule.Triggers.NONE;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!TRIGGER_KEYS.contains(key)) problem(positions.key("triggers", key), "unknown key rule.triggers." + key + " (known: webhook, schedule)");
            });
            JsonNode webhook = node.get("webhook");
            if (webhook != null && !webhook.isBoolean()) problem(positions.key("triggers", "webhook"), "rule.triggers.webhook must be true or false");
            JsonNode schedule = node.get("schedule");
            String cron = null;
            if (schedule != null) {
                var scheduleAt = positions.key("triggers", "schedule");
                if (!schedule.isTextual()) {
                    problem(scheduleAt, "rule.triggers.schedule must be a cron expression string, e.g. \"0 3 * * *\"");
                } else {
                    try {
                        cron = sixFieldCron(schedule.asText());
                    } catch (RuntimeException e) {
                        problem(scheduleAt, "rule.triggers.schedule: not a valid cron expression: " + e.getMessage());
                    }
                }
            }
            return new Rule.Triggers(webhook != null && webhook.asBoolean(), cron == null ? null : schedule.asText(), cron);
        }

        private String runAs(JsonNode node) {
            if (node == null) {
                problem(positions.ruleExport(), "rule.runAs is required: the e-mail of the user whose permissions the job uses");
                return null;
            }
            if (!node.isTextual() || !node.asText().contains("@") || node.asText().isBlank()) {
                problem(positions.key("runAs"), "rule.runAs must be a user's e-mail address");
                return null;
            }
            return node.asText().strip();
        }

        /** {@code allow: { users: ["e-mail", …], profiles: ["Standard", …] }}; both lists optional. */
        private Rule.Allow allow(JsonNode node) {
            if (node == null) return Rule.Allow.NOBODY;
            if (!node.isObject()) {
                problem(positions.key("allow"), "rule.allow must be an object: { users: [\"…@…\"], profiles: [\"Standard\"] }");
                return Rule.Allow.NOBODY;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!ALLOW_KEYS.contains(key)) problem(positions.key("allow", key), "unknown key rule.allow." + key + " (known: profiles, users)");
            });
            List<String> users = strings(node.get("users"), "users", "rule.allow.users must be a list of e-mail addresses, e.g. [\"sales@example.com\"]");
            for (String user : users) {
                if (!EMAIL.matcher(user).matches()) problem(positions.key("allow", "users"), "rule.allow.users: \"" + user + "\" is not an e-mail address");
            }
            List<String> profiles = strings(node.get("profiles"), "profiles", "rule.allow.profiles must be a list of profile names, e.g. [\"Standard\"]");
            for (String profile : profiles) {
                if (!PROFILES.contains(profile)) {
                    problem(positions.key("allow", "profiles"), "rule.allow.profiles: unknown profile \"" + profile + "\" (known: " + String.join(", ", PROFILES) + ")");
                }
            }
            return new Rule.Allow(users, profiles);
        }

        /** A list of strings under rule.allow; anything else is a problem (and no entries). */
        private List<String> strings(JsonNode node, String key, String message) {
            List<String> values = new ArrayList<>();
            if (node == null) return values;
            boolean ok = node.isArray();
            if (ok) {
                for (JsonNode v : node) {
                    if (!v.isTextual()) ok = false;
                    else values.add(v.asText().strip());
                }
            }
            if (!ok) {
                problem(positions.key("allow", key), message);
                return new ArrayList<>();
            }
            return values;
        }

        /** The parameters' defaults, and the declarations of those given as { type, default, required, min, max }. */
        private record Params(Map<String, JsonNode> defaults, ParamSchema schema) {}

        private Params params(JsonNode node) {
            Map<String, JsonNode> defaults = new LinkedHashMap<>();
            Map<String, ParamSchema.Spec> specs = new LinkedHashMap<>();
            if (node == null) return new Params(defaults, ParamSchema.NONE);
            if (!node.isObject()) {
                problem(positions.key("params"), "rule.params must be an object of parameter defaults, e.g. { days: 30 }");
                return new Params(defaults, ParamSchema.NONE);
            }
            node.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (!isDeclaration(value)) {
                    defaults.put(e.getKey(), value);
                    return;
                }
                ParamSchema.Spec spec = spec(e.getKey(), value);
                if (spec == null) return;
                specs.put(e.getKey(), spec);
                if (spec.defaultValue() != null) defaults.put(e.getKey(), spec.defaultValue());
            });
            return new Params(defaults, new ParamSchema(specs));
        }

        /** An object with a type and nothing but a declaration's keys; any other value is a default. */
        private static boolean isDeclaration(JsonNode value) {
            if (!value.isObject() || !value.has("type")) return false;
            var keys = new java.util.ArrayList<String>();
            value.fieldNames().forEachRemaining(keys::add);
            return ParamSchema.KEYS.containsAll(keys);
        }

        private ParamSchema.Spec spec(String name, JsonNode declaration) {
            var at = positions.key("params", name);
            String type = declaration.get("type").asText();
            if (!ParamSchema.TYPES.contains(type)) {
                problem(at, "rule.params." + name + ".type must be one of " + String.join(", ", new java.util.TreeSet<>(ParamSchema.TYPES)));
                return null;
            }
            JsonNode required = declaration.get("required");
            if (required != null && !required.isBoolean()) problem(at, "rule.params." + name + ".required must be true or false");
            java.math.BigDecimal min = bound(declaration, "min", name, type);
            java.math.BigDecimal max = bound(declaration, "max", name, type);
            JsonNode defaultValue = declaration.get("default");
            var spec = new ParamSchema.Spec(type, required != null && required.asBoolean(), min, max, defaultValue);
            if (defaultValue != null) {
                try {
                    // the default must pass its own declaration
                    new ParamSchema(Map.of(name, spec)).check(Map.of(name, defaultValue), Map.of(), java.util.Set.of());
                } catch (io.sweep.errors.ApiException e) {
                    problem(at, "rule.params." + name + ".default: " + e.zohoMessage());
                }
            }
            return spec;
        }

        private java.math.BigDecimal bound(JsonNode declaration, String key, String name, String type) {
            JsonNode bound = declaration.get(key);
            if (bound == null) return null;
            if (!bound.isNumber() || !(type.equals("integer") || type.equals("number"))) {
                problem(positions.key("params", name), "rule.params." + name + "." + key + " must be a number, for an integer or number parameter");
                return null;
            }
            return bound.decimalValue();
        }

        private String optionalString(JsonNode rule, String key, String name) {
            JsonNode node = rule.get(key);
            if (node == null || node.isNull()) return null;
            if (!node.isTextual()) {
                problem(positions.key(key), name + " must be a string");
                return null;
            }
            return node.asText();
        }

        private void problem(SourcePositions.Position at, String message) {
            problem(at.line(), at.column(), message);
        }

        private void problem(int line, int column, String message) {
            problems.add(new RuleProblem(label, line, column, message));
        }
    }
}
