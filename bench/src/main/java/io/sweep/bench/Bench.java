package io.sweep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark of issue #5: Sweep (the built jar, as a server process) against the database
 * ceiling, on an H2 file and on embedded PostgreSQL, in one run. See bench/README.md.
 *
 * <p>Per database: seed the demo data with Sweep itself, grow the Leads table, mark the
 * selection; then, per repetition, measure the ceiling (no Sweep process running), start Sweep,
 * warm it up with a small job and rule run, and measure the cvid job, its undo, the rule job and
 * the by-ids calls; stop Sweep. Finally grow the table tenfold and measure the same cvid job
 * again. Each repetition restarts Sweep, so each starts from the same state; ratios pair the
 * figures of one repetition.
 */
public final class Bench {
    static final String RULE = "bench-rule";
    static final String WARM_RULE = "bench-warm-rule";
    /** The rule of scenario 8: the same update over every lead of the large table. */
    static final String ALL_RULE = "bench-all-leads";
    /** The field every benchmark job sets: text, mass-updatable, unindexed, driven by no blueprint. */
    static final String FIELD = "Twitter";
    /** Rows of the demo's Leads table; a larger table is these rows copied. */
    static final int DEMO_LEADS = 60_000;

    /** The sizes of a run. */
    record Plan(boolean quick, int reps, int selection, int warm, int baseTable, int largeTable, int byIdsCalls, int idsPerCall,
                boolean scale, boolean profile, List<Database.Kind> databases, boolean pgStatements) {
        static Plan fullRun() {
            return new Plan(false, 5, 50_000, 5_000, 100_000, 1_000_000, 200, 500, true, false,
                    List.of(Database.Kind.H2, Database.Kind.POSTGRES), false);
        }

        static Plan quickRun() {
            return new Plan(true, 1, 2_000, 500, 10_000, 20_000, 16, 500, true, false,
                    List.of(Database.Kind.H2, Database.Kind.POSTGRES), false);
        }
    }

    private final Plan plan;
    private final Path root;
    private final Path work;
    private final Path jar;
    private final Results results = new Results();
    private final StringBuilder profiles = new StringBuilder();
    /** The plan of the selection on the large table, per database (scenario 5). */
    private final java.util.Map<Database.Kind, String> plans = new java.util.EnumMap<>(Database.Kind.class);
    private final long started = System.nanoTime();
    private EmbeddedPostgres postgres;
    /** A developer's aid (--reuse-h2): keep the H2 database of the previous run instead of seeding a new one. */
    private boolean reuseH2;

    private Bench(Plan plan, Path root, Path jar) {
        this.plan = plan;
        this.root = root;
        this.work = root.resolve("bench/target/work");
        this.jar = jar == null ? root.resolve("target/sweep.jar") : jar.toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.fullRun();
        Path out = null;
        boolean reuseH2 = false;
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = Plan.quickRun();
                case "--reps" -> plan = with(plan, Integer.parseInt(args[++i]), null, null, null);
                case "--db" -> plan = with(plan, null, databases(args[++i]), null, null);
                case "--no-scale" -> plan = with(plan, null, null, false, null);
                case "--profile" -> plan = with(plan, null, null, null, true);
                case "--pg-statements" -> {
                    plan = with(plan, null, null, null, true);
                    plan = new Plan(plan.quick(), plan.reps(), plan.selection(), plan.warm(), plan.baseTable(), plan.largeTable(), plan.byIdsCalls(),
                            plan.idsPerCall(), plan.scale(), true, plan.databases(), true);
                }
                case "--out" -> out = Path.of(args[++i]);
                case "--reuse-h2" -> reuseH2 = true;
                case "--jar" -> jar = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("""
                            usage: bench/run [--quick] [--reps N] [--db h2,pg] [--no-scale] [--profile] [--out FILE]
                              --quick     small N, one repetition (what CI runs); writes bench/target/quick-results.md
                              --reps N    repetitions per figure (full: 5)
                              --db        which databases (default both)
                              --no-scale  skip scenario 5 (growing the table to 1,000,000 leads)
                              --profile   record each Sweep scenario with JFR and write bench/results/profile.md
                              --pg-statements  --profile, and PostgreSQL logs every statement's time (slows it down)
                              --out FILE  where the table goes (full: bench/results/latest.md)
                              --jar FILE  the Sweep jar to run (default target/sweep.jar): compare two builds
                              --reuse-h2  keep the previous run's H2 database (quicker loops; not for results)""");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (see --help)");
            }
        }
        Path root = Path.of("").toAbsolutePath();
        if (out == null) out = root.resolve(plan.quick() ? "bench/target/quick-results.md" : "bench/results/latest.md");
        var bench = new Bench(plan, root, jar);
        bench.reuseH2 = reuseH2;
        bench.run(out);
    }

    private static Plan with(Plan p, Integer reps, List<Database.Kind> dbs, Boolean scale, Boolean profile) {
        return new Plan(p.quick(), reps == null ? p.reps() : reps, p.selection(), p.warm(), p.baseTable(), p.largeTable(), p.byIdsCalls(),
                p.idsPerCall(), scale == null ? p.scale() : scale, profile == null ? p.profile() : profile, dbs == null ? p.databases() : dbs,
                p.pgStatements());
    }

    private static List<Database.Kind> databases(String list) {
        List<Database.Kind> kinds = new ArrayList<>();
        for (String s : list.split(",")) {
            kinds.add(switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "h2" -> Database.Kind.H2;
                case "pg", "postgres", "postgresql" -> Database.Kind.POSTGRES;
                default -> throw new IllegalArgumentException("unknown database " + s + " (h2 or pg)");
            });
        }
        return kinds;
    }

    private void run(Path out) throws Exception {
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: mvn -DskipTests package (bench/run builds it)");
        if (reuseH2) {
            try (var files = Files.list(work)) {
                for (Path p : files.filter(p -> !p.getFileName().toString().equals("h2")).toList()) deleteTree(p);
            }
        } else {
            deleteTree(work);
        }
        Files.createDirectories(work);
        Machine machine = Machine.describe(root, jar);
        log("Sweep benchmark, %s run: %d repetition(s), selection %,d, tables %,d and %,d leads, by-ids %d calls of %d ids",
                plan.quick() ? "quick" : "full", plan.reps(), plan.selection(), plan.baseTable(), plan.largeTable(), plan.byIdsCalls(), plan.idsPerCall());
        log("%s", machine.oneLine());
        try {
            for (Database.Kind kind : plan.databases()) runDatabase(kind);
        } finally {
            if (postgres != null) postgres.close();
        }
        String table = Report.table(plan, results);
        String markdown = Report.markdown(plan, machine, results, table, elapsedSeconds(), plans);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        log("wrote %s", root.relativize(out.toAbsolutePath()));
        if (plan.profile()) {
            Path p = root.resolve("bench/results/profile.md");
            Files.writeString(p, "# JFR profiles of the scenarios\n\n" + machine.markdown() + "\n" + profiles, StandardCharsets.UTF_8);
            log("wrote %s", root.relativize(p));
        }
        log("done in %.0f s", elapsedSeconds());
        for (Database.Kind kind : plan.databases()) {
            for (String k : List.of("byids1.errors", "byids8.errors")) {
                if (Stats.max(results.get(kind, k)) > 0) throw new IllegalStateException(kind.label + ": by-ids calls failed (" + k + ")");
            }
        }
    }

    // ---------------------------------------------------------------------------------------

    private void runDatabase(Database.Kind kind) throws Exception {
        Path dir = work.resolve(kind.name().toLowerCase(Locale.ROOT));
        Files.createDirectories(dir);
        Database db = kind == Database.Kind.H2 ? Database.h2File(dir.resolve("sweep")) : postgresDatabase();
        Path rules = dir.resolve("rules");
        writeRules(rules);
        String tag = kind == Database.Kind.H2 ? "[h2]" : "[pg]";

        long t = System.nanoTime();
        boolean reuse = reuseH2 && kind == Database.Kind.H2 && Files.exists(dir.resolve("sweep.mv.db"));
        if (!reuse) seed(db, dir, rules, tag);
        t = System.nanoTime();
        Dataset.Selection sel = Dataset.mark(db, plan.selection(), plan.warm());
        List<Long> byIds = firstIds(db, Math.min(plan.byIdsCalls(), 100) * plan.idsPerCall());
        log("%s Leads table %,d rows, selection %,d marked in %.1f s", tag, sel.tableRows(), sel.ids().size(), seconds(t));

        for (int rep = 1; rep <= plan.reps(); rep++) repetition(kind, db, dir, rules, sel, byIds, rep, tag);

        if (plan.scale()) {
            t = System.nanoTime();
            Dataset.grow(db, plan.largeTable(), DEMO_LEADS);
            long marked = Dataset.countMarked(db);
            if (marked != plan.selection()) throw new IllegalStateException("after growing, " + marked + " leads are marked");
            log("%s Leads table grown to %,d rows in %.1f s (selection still %,d)", tag, Dataset.rows(db), seconds(t), marked);
            plans.put(kind, Dataset.selectionPlan(db));
            for (int rep = 1; rep <= plan.reps(); rep++) scaleRepetition(kind, db, dir, rules, sel, rep, tag);
            bigRuleJob(kind, db, dir, rules, sel, tag);
        }
    }

    /** Seeds the database through Sweep itself and grows the Leads table to the run's base size. */
    private void seed(Database db, Path dir, Path rules, String tag) throws Exception {
        long t = System.nanoTime();
        // the full run seeds Sweep's demo data (60,000 realistic leads); the quick run only lets Sweep create its schema
        try (SweepServer seed = start(db, dir, rules, "seed", !plan.quick())) {
            seed.stop();
        }
        if (plan.quick()) Dataset.insertPlainLeads(db, plan.baseTable());
        log("%s %s in %.1f s", tag, plan.quick() ? "schema created by Sweep, plain leads inserted" : "demo data seeded by Sweep", seconds(t));
        Dataset.grow(db, plan.baseTable(), DEMO_LEADS);
    }

    private void repetition(Database.Kind kind, Database db, Path dir, Path rules, Dataset.Selection sel, List<Long> byIds, int rep, String tag)
            throws Exception {
        int n = sel.ids().size();
        double[] ceilings = ceiling(db, "ceiling-" + rep);
        double ceiling = ceilings[0];
        results.add(kind, "ceiling.rps", ceiling);
        results.add(kind, "ceiling.cold.rps", ceilings[1]);

        try (SweepServer sweep = start(db, dir, rules, "rep" + rep, false)) {
            SweepApi api = new SweepApi(sweep.base());
            results.add(kind, "cvid.cold.rps", warmUp(api, sel, "warm-" + rep));

            // (2) cvid job, and (6) its memory
            var memory = Memory.open(sweep);
            profileStart(sweep, "cvid");
            long t0 = System.nanoTime();
            String jobId = api.scheduleCvid(sel.viewId(), FIELD, "cvid-" + rep);
            double scheduleMs = (System.nanoTime() - t0) / 1e6;
            api.awaitEnd(jobId, true, jobTimeout(), memory::sample);
            double cvidSeconds = seconds(t0);
            var mem = memory.close();
            profileStop(sweep, kind, "cvid", "(2) cvid job, repetition " + rep);
            requireCompleted(api, jobId, n, "cvid job");
            results.add(kind, "cvid.rps", n / cvidSeconds);
            results.add(kind, "cvid.seconds", cvidSeconds);
            results.add(kind, "cvid.scheduleMs", scheduleMs);
            addMemory(kind, "cvid", mem);

            // (7) its undo
            profileStart(sweep, "undo");
            t0 = System.nanoTime();
            String undoId = api.undo(jobId);
            api.awaitEnd(undoId, false, jobTimeout(), () -> { });
            double undoSeconds = seconds(t0);
            profileStop(sweep, kind, "undo", "(7) undo, repetition " + rep);
            requireCompleted(api, undoId, n, "undo job");
            results.add(kind, "undo.rps", n / undoSeconds);

            // (3) rule job, and (6) its memory
            memory = Memory.open(sweep);
            profileStart(sweep, "rule");
            t0 = System.nanoTime();
            String ruleJob = api.runRule(RULE, SweepApi.JSON.createObjectNode().put("tag", "r" + rep));
            api.awaitEnd(ruleJob, false, jobTimeout(), memory::sample);
            double ruleSeconds = seconds(t0);
            mem = memory.close();
            profileStop(sweep, kind, "rule", "(3) rule job, repetition " + rep);
            requireCompleted(api, ruleJob, n, "rule job");
            results.add(kind, "rule.rps", n / ruleSeconds);
            addMemory(kind, "rule", mem);

            // (4) by ids over HTTP
            for (int concurrency : new int[] {1, 8}) {
                profileStart(sweep, "byids" + concurrency);
                var r = byIds(api, byIds, concurrency, "ids-" + rep + "-" + concurrency);
                profileStop(sweep, kind, "byids" + concurrency, "(4) by ids at concurrency " + concurrency + ", repetition " + rep);
                String k = "byids" + concurrency;
                results.add(kind, k + ".rps", r.recordsPerSecond());
                results.add(kind, k + ".p50", r.p50Ms());
                results.add(kind, k + ".p99", r.p99Ms());
                results.add(kind, k + ".errors", r.errors());
            }
            sweep.stop();
            log("%s rep %d/%d: ceiling %,.0f/s (cold %,.0f/s) | cvid %,.0f/s (%.2fx) | undo %,.0f/s | rule %,.0f/s (%.2fx) | by ids c1 %,.0f/s c8 %,.0f/s p99 %.0f ms | heap %.0f MB rss %.0f MB",
                    tag, rep, plan.reps(), ceiling, ceilings[1], n / cvidSeconds, n / cvidSeconds / ceiling, n / undoSeconds, n / ruleSeconds,
                    n / ruleSeconds / ceiling, last(kind, "byids1.rps"), last(kind, "byids8.rps"), last(kind, "byids8.p99"),
                    Math.max(last(kind, "mem.cvid.heap"), last(kind, "mem.rule.heap")), Math.max(last(kind, "mem.cvid.rss"), last(kind, "mem.rule.rss")));
        }
    }

    private void scaleRepetition(Database.Kind kind, Database db, Path dir, Path rules, Dataset.Selection sel, int rep, String tag) throws Exception {
        int n = sel.ids().size();
        double[] ceilings = ceiling(db, "scale-ceiling-" + rep);
        double ceiling = ceilings[0];
        results.add(kind, "scale.ceiling.rps", ceiling);
        results.add(kind, "scale.ceiling.cold.rps", ceilings[1]);
        try (SweepServer sweep = start(db, dir, rules, "scale" + rep, false)) {
            SweepApi api = new SweepApi(sweep.base());
            results.add(kind, "scale.cvid.cold.rps", warmUp(api, sel, "scale-warm-" + rep));
            profileStart(sweep, "scale");
            long t0 = System.nanoTime();
            String jobId = api.scheduleCvid(sel.viewId(), FIELD, "scale-" + rep);
            double scheduleMs = (System.nanoTime() - t0) / 1e6;
            api.awaitEnd(jobId, true, jobTimeout(), () -> { });
            double seconds = seconds(t0);
            profileStop(sweep, kind, "scale", "(5) cvid job on the large table, repetition " + rep);
            requireCompleted(api, jobId, n, "cvid job on the large table");
            results.add(kind, "scale.cvid.seconds", seconds);
            results.add(kind, "scale.cvid.rps", n / seconds);
            results.add(kind, "scale.scheduleMs", scheduleMs);
            sweep.stop();
            log("%s scale rep %d/%d: ceiling %,.0f/s | cvid on %,d leads %.2f s, %,.0f/s (%.2fx), scheduling %.0f ms",
                    tag, rep, plan.reps(), ceiling, plan.largeTable(), seconds, n / seconds, n / seconds / ceiling, scheduleMs);
        }
    }

    /**
     * (8) A rule job over every lead of the large table (1,000,000 in the full run), past Zoho's
     * 50,000 through {@code SWEEP_MAX_JOB_RECORDS}, once per database: its rate against the ceiling
     * and against the 50,000-record rule job, the heap left after GC while it runs, a page of its
     * results read from the end, and its undo.
     */
    private void bigRuleJob(Database.Kind kind, Database db, Path dir, Path rules, Dataset.Selection sel, String tag) throws Exception {
        // every lead has a last name (Zoho requires one): the rule selects the whole table
        long n = Dataset.rows(db);
        try (SweepServer sweep = start(db, dir, rules, "big", false)) {
            SweepApi api = new SweepApi(sweep.base());
            warmUp(api, sel, "big-warm");
            api.requireRule(ALL_RULE);
            var memory = Memory.open(sweep);
            profileStart(sweep, "big");
            long t0 = System.nanoTime();
            String jobId = api.runRule(ALL_RULE, SweepApi.JSON.createObjectNode().put("tag", "big"));
            double scheduleMs = (System.nanoTime() - t0) / 1e6;
            api.awaitEnd(jobId, false, jobTimeout().multipliedBy(Math.max(1, n / plan.selection())), memory::sample);
            double seconds = seconds(t0);
            var mem = memory.close();
            profileStop(sweep, kind, "big", "(8) rule job over " + n + " leads");
            requireCompleted(api, jobId, (int) n, "rule job over every lead");
            results.add(kind, "big.rps", n / seconds);
            results.add(kind, "big.seconds", seconds);
            results.add(kind, "big.scheduleMs", scheduleMs);
            addMemory(kind, "big", mem);

            // its results can be paged to the end
            t0 = System.nanoTime();
            int lastPage = (int) ((n + 199) / 200);
            JsonNode page = api.resultsPage(jobId, lastPage, 200);
            results.add(kind, "big.lastPageMs", (System.nanoTime() - t0) / 1e6);
            int expected = (int) (n - (long) (lastPage - 1) * 200);
            if (page.path("results").size() != expected) throw new IllegalStateException("the last page of results has " + page.path("results").size() + " rows, not " + expected);

            t0 = System.nanoTime();
            String undoId = api.undo(jobId);
            api.awaitEnd(undoId, false, jobTimeout().multipliedBy(Math.max(1, n / plan.selection())), () -> { });
            double undoSeconds = seconds(t0);
            requireCompleted(api, undoId, (int) n, "undo of the rule job over every lead");
            results.add(kind, "big.undo.rps", n / undoSeconds);
            sweep.stop();
            log("%s big rule job: %,d leads in %.1f s, %,.0f/s (%.2fx the scale ceiling, %.2fx the %,d-record rule job), POST %.0f ms, heap after GC ≤ %.0f MB; last results page %.0f ms; undo %,.0f/s",
                    tag, n, seconds, n / seconds, n / seconds / last(kind, "scale.ceiling.rps"), n / seconds / Stats.median(results.get(kind, "rule.rps")),
                    plan.selection(), scheduleMs, mem.liveMb(), last(kind, "big.lastPageMs"), n / undoSeconds);
        }
    }

    /**
     * After each start, before anything is timed: a small rule run (the rule engine's first context
     * takes a second or two) and the cvid job over the measured selection, so that the JIT, the
     * connection pool and the database's caches are as warm as for the ceiling's timed pass. The
     * warm-up job's rate is kept as the "cold" figure (the first job after a start). Returns it.
     */
    private double warmUp(SweepApi api, Dataset.Selection sel, String value) {
        api.requireRule(RULE);
        api.requireRule(WARM_RULE);
        String rule = api.runRule(WARM_RULE, SweepApi.JSON.createObjectNode().put("tag", "warm"));
        api.awaitEnd(rule, false, jobTimeout(), () -> { });
        requireCompleted(api, rule, sel.warmIds().size(), "warm-up rule job");
        long t0 = System.nanoTime();
        String job = api.scheduleCvid(sel.viewId(), FIELD, value);
        api.awaitEnd(job, true, jobTimeout(), () -> { });
        double seconds = seconds(t0);
        requireCompleted(api, job, sel.ids().size(), "warm-up job");
        return sel.ids().size() / seconds;
    }

    private static void requireCompleted(SweepApi api, String jobId, int n, String what) {
        JsonNode job = api.job(jobId);
        if (!"COMPLETED".equals(job.path("status").asText()) || job.path("Total_Count").asInt() != n
                || job.path("Updated_Count").asInt() != n || job.path("Failed_Count").asInt() != 0) {
            throw new IllegalStateException(what + " did not update all " + n + " records: " + job);
        }
    }

    // --- (4) by ids ------------------------------------------------------------------------

    record ByIds(double recordsPerSecond, double p50Ms, double p99Ms, int errors) {}

    /**
     * {@code calls} POSTs of {@code idsPerCall} ids each, {@code concurrency} at a time. Call i
     * sends the i-th block of ids (cycling), so calls in flight together never share a record.
     * An error is a call that did not answer 200 with SUCCESS for every id.
     */
    private ByIds byIds(SweepApi api, List<Long> ids, int concurrency, String value) throws Exception {
        int per = plan.idsPerCall();
        int blocks = ids.size() / per;
        if (blocks < concurrency) throw new IllegalStateException("too few ids for concurrency " + concurrency);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < blocks; b++) bodies.add(SweepApi.byIdsBody(FIELD, value, ids.subList(b * per, (b + 1) * per)));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plan.byIdsCalls(); i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        SweepApi.Response r;
                        try {
                            r = api.massUpdateByIds(bodies.get(i % blocks));
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        latencies.add((System.nanoTime() - s) / 1e6);
                        if (r.status() != 200 || successes(r.body()) != per) {
                            if (errors.getAndIncrement() == 0) System.err.println("by-ids call failed: HTTP " + r.status() + " " + abbreviate(r.body()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) f.get(30, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        double seconds = seconds(t0);
        int records = plan.byIdsCalls() * per;
        return new ByIds(records / seconds, Stats.percentile(latencies, 50), Stats.percentile(latencies, 99), errors.get());
    }

    /**
     * How many entries of a by-ids answer say {@code "code":"SUCCESS"}. Counted in the text rather
     * than parsed: the harness shares the machine's cores with Sweep, and parsing 8 answers of 500
     * entries at a time would take a noticeable share of them.
     */
    static int successes(String body) {
        int n = 0;
        for (int i = body.indexOf("\"code\":\"SUCCESS\""); i >= 0; i = body.indexOf("\"code\":\"SUCCESS\"", i + 1)) n++;
        return n;
    }

    // --- the ceiling, in a JVM of its own ---------------------------------------------------

    /** Runs the ceiling in a JVM of its own; returns rows/s of the warm pass and of the cold one. */
    private double[] ceiling(Database db, String value) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SweepServer.javaBinary(), SweepServer.HEAP, "-cp", System.getProperty("java.class.path"),
                Ceiling.class.getName()));
        command.addAll(List.of(db.args()));
        command.add(value);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException("the ceiling run failed:\n" + out);
        for (String line : out.split("\n")) {
            if (line.startsWith("CEILING ")) {
                String[] parts = line.trim().split(" ");
                long rows = Long.parseLong(parts[1]);
                return new double[] {rows / (Long.parseLong(parts[2]) / 1e9), rows / (Long.parseLong(parts[3]) / 1e9)};
            }
        }
        throw new IllegalStateException("the ceiling run printed no result:\n" + out);
    }

    // --- Sweep processes, databases, rules ------------------------------------------------------

    private SweepServer start(Database db, Path dir, Path rules, String name, boolean demo) {
        // the first start after growing the table to 1,000,000 rows may create indexes: give it time
        return SweepServer.start(new SweepServer.Launch(jar, dir, name, db, rules, demo), Duration.ofMinutes(15));
    }

    private Database postgresDatabase() throws IOException, SQLException {
        if (postgres == null) {
            Path data = work.resolve("pgdata");
            Path log = work.resolve("postgres.log");
            var builder = EmbeddedPostgres.builder();
            if (plan.pgStatements()) {
                builder.setServerConfig("log_min_duration_statement", "0").setServerConfig("log_line_prefix", "");
            }
            postgres = builder
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS sweep_bench");
            s.execute("CREATE DATABASE sweep_bench");
        }
        return Database.postgres("localhost", postgres.getPort(), "sweep_bench", "postgres", "postgres");
    }

    private static void writeRules(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RULE + ".js"), rule(Dataset.MARK, "the measured selection"));
        Files.writeString(dir.resolve(WARM_RULE + ".js"), rule(Dataset.WARM_MARK, "the warm-up selection"));
        Files.writeString(dir.resolve(ALL_RULE + ".js"), rule("(Last_Name:not_equal:${EMPTY})", "the table (scenario 8)"));
    }

    /** The rule of scenario 3: a per-record update computed from the record and the run's parameters. */
    static String rule(int mark, String what) {
        return rule("(Lead_Score:equals:" + mark + ")", what);
    }

    static String rule(String criteria, String what) {
        return """
                // Written by the benchmark (bench/): a per-record update of every lead of %s.
                export const rule = {
                  module: "Leads",
                  description: "bench: Twitter from the run's tag and the lead's last name",
                  select: { criteria: "%s" },
                  runAs: "admin@sweep.local",
                  params: { tag: "rule" },
                };

                export function update(record, ctx) {
                  const last = typeof record.Last_Name === "string" ? record.Last_Name.toLowerCase().replace(/[^a-z]/g, "") : "";
                  return { Twitter: "@" + ctx.params.tag + "-" + last.slice(0, 30) };
                }
                """.formatted(what, criteria);
    }

    private static List<Long> firstIds(Database db, int count) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM rec_leads ORDER BY id LIMIT " + count)) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) ids.add(rs.getLong(1));
            return ids;
        }
    }

    // --- profiling and bookkeeping -----------------------------------------------------------------

    private long pgLogOffset;

    private void profileStart(SweepServer sweep, String name) {
        if (plan.profile()) Profiler.start(sweep, name);
        pgLogOffset = fileSize(work.resolve("postgres.log"));
    }

    private static long fileSize(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void profileStop(SweepServer sweep, Database.Kind kind, String name, String title) {
        if (!plan.profile()) return;
        Path file = work.resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + name + "-" + System.nanoTime() + ".jfr");
        Profiler.stop(sweep, name, file);
        profiles.append(Profiler.summary(file, kind.label + ": " + title)).append('\n');
        if (plan.pgStatements() && kind == Database.Kind.POSTGRES) {
            profiles.append(PgStatements.summary(work.resolve("postgres.log"), pgLogOffset)).append('\n');
        }
    }

    private void addMemory(Database.Kind kind, String scenario, Memory.Figure m) {
        results.add(kind, "mem." + scenario + ".heap", m.heapPeakMb());
        results.add(kind, "mem." + scenario + ".afterGc", m.liveMb());
        results.add(kind, "mem." + scenario + ".rss", m.rssPeakMb());
    }

    private double last(Database.Kind kind, String key) {
        var v = results.get(kind, key);
        return v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
    }

    private Duration jobTimeout() {
        return Duration.ofMinutes(plan.quick() ? 3 : 15);
    }

    private double elapsedSeconds() {
        return seconds(started);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void log(String format, Object... args) {
        System.out.printf("[bench %5.0fs] %s%n", elapsedSeconds(), String.format(format, args));
        System.out.flush();
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
