package io.sweep.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule file that passed validation: its metadata, and its source text for the sandbox.
 * See {@code docs/rules.md} for the file contract.
 *
 * @param id          the file name without {@code .js}
 * @param file        the file name ({@code id + ".js"}); stack traces and messages name it
 * @param version     SHA-256 (hex) of the file's bytes, and of the libraries it imports when it imports any; a job records it
 * @param module      the module's api name, as the metadata spells it (e.g. {@code Leads})
 * @param description free text, empty when the file gives none
 * @param select      which records a run selects
 * @param triggers    what may start a run besides a manual run
 * @param runAs       e-mail of the user whose permissions a run uses
 * @param params      parameter defaults; a run's own parameters override them key by key
 * @param source      the file's text
 * @param allow       who besides administrators may run and preview it by hand
 * @param schema      the parameters the rule declares, with types and bounds; {@link ParamSchema#NONE} when it declares none
 * @param libraries   the library files it imports (also through other libraries), as they were when it was validated
 */
public record Rule(
        String id,
        String file,
        String version,
        String module,
        String description,
        Selection select,
        Triggers triggers,
        String runAs,
        Map<String, JsonNode> params,
        String source,
        Allow allow,
        ParamSchema schema,
        RuleLibraries libraries) {

    /** A rule that only administrators may run by hand. */
    public Rule(String id, String file, String version, String module, String description, Selection select, Triggers triggers,
                String runAs, Map<String, JsonNode> params, String source) {
        this(id, file, version, module, description, select, triggers, runAs, params, source, Allow.NOBODY, ParamSchema.NONE);
    }

    /** A rule that imports no library. */
    public Rule(String id, String file, String version, String module, String description, Selection select, Triggers triggers,
                String runAs, Map<String, JsonNode> params, String source, Allow allow, ParamSchema schema) {
        this(id, file, version, module, description, select, triggers, runAs, params, source, allow, schema, RuleLibraries.NONE);
    }

    /** A rule that declares no parameter types. */
    public Rule(String id, String file, String version, String module, String description, Selection select, Triggers triggers,
                String runAs, Map<String, JsonNode> params, String source, Allow allow) {
        this(id, file, version, module, description, select, triggers, runAs, params, source, allow, ParamSchema.NONE);
    }

    public Rule {
        if (allow == null) allow = Allow.NOBODY;
        if (schema == null) schema = ParamSchema.NONE;
        if (libraries == null) libraries = RuleLibraries.NONE;
        var copy = new LinkedHashMap<String, JsonNode>();
        params.forEach((k, v) -> copy.put(k, v.deepCopy()));
        params = Collections.unmodifiableMap(copy);
    }

    @Override
    public Map<String, JsonNode> params() {
        // JsonNodes are mutable: hand out copies so no caller can change a loaded rule
        var copy = new LinkedHashMap<String, JsonNode>();
        params.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return copy;
    }

    /**
     * The records a run selects, pushed down to SQL: exactly one of a search criteria string
     * (Zoho's {@code (Field:comparator:value)} syntax) and a custom view id; optionally
     * narrowed to a territory.
     */
    public record Selection(String criteria, String cvid, Territory territory, List<Include> include) {
        public Selection {
            if ((criteria == null) == (cvid == null)) throw new IllegalArgumentException("exactly one of criteria and cvid");
            include = include == null ? List.of() : List.copyOf(include);
        }

        /** A selection that reads no related records. */
        public Selection(String criteria, String cvid, Territory territory) {
            this(criteria, cvid, territory, List.of());
        }

        /** The fields to read of the records {@code lookup} (a lookup or owner field's api name) points at; empty for none. */
        public List<String> included(String lookup) {
            return include.stream().filter(i -> i.lookup().equals(lookup)).map(Include::field).toList();
        }
    }

    /**
     * One related field the rule reads: {@code select.include: ["Account_Name.Billing_Country"]} is
     * the lookup {@code Account_Name} and the field {@code Billing_Country} of the account it points at.
     */
    public record Include(String lookup, String field) {
        /** What an include may read of the user an owner field points at (a user is not a module with fields). */
        public static final List<String> OWNER_FIELDS = List.of("active", "email");

        @Override
        public String toString() {
            return lookup + "." + field;
        }
    }

    /** A territory (id as a string) and whether its child territories count too. */
    public record Territory(String id, boolean includeChild) {}

    /**
     * What may start a run besides a manual one.
     *
     * @param webhook  whether {@code POST /hooks/{rule}} may start it
     * @param schedule the cron expression as written in the file, or null for none
     * @param cron     the same schedule as a six-field (seconds first) cron expression in UTC,
     *                 the form {@code Schedules.cron} of db-scheduler takes; null for none
     */
    public record Triggers(boolean webhook, String schedule, String cron) {
        public static final Triggers NONE = new Triggers(false, null, null);
    }

    /**
     * Who besides administrators may run the rule by hand (and so preview it): users named by
     * e-mail (compared without regard to case) and users of the named profiles.
     */
    public record Allow(List<String> users, List<String> profiles) {
        public static final Allow NOBODY = new Allow(List.of(), List.of());

        public Allow {
            users = List.copyOf(users);
            profiles = List.copyOf(profiles);
        }

        public boolean permits(String email, String profile) {
            return users.stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)))
                    || profiles.contains(profile);
        }
    }
}
