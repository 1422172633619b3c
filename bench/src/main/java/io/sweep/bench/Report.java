package io.sweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The run's table (the same on the console and in the results file) and the file around it. */
final class Report {
    private Report() {}

    private record Row(String scenario, String db, String rps, String ratio, String time, String memory, String target, String met) {}

    static String table(Bench.Plan plan, Results r) {
        List<Row> rows = new ArrayList<>();
        var dbs = plan.databases().stream().filter(r::has).toList();
        String n = String.format(Locale.ROOT, "%,d", plan.selection());
        for (var db : dbs) {
            rows.add(new Row("1 ceiling: JDBC batch, commit per 500", db.label, rps(r.median(db, "ceiling.rps")), "1.00",
                    "first (cold) pass " + rps(r.median(db, "ceiling.cold.rps")) + "/s", "", "", ""));
        }
        for (var db : dbs) {
            double ratio = r.medianRatio(db, "cvid.rps", "ceiling.rps");
            rows.add(new Row("2 cvid job, " + n + " records", db.label, rps(r.median(db, "cvid.rps")), ratio(ratio),
                    String.format(Locale.ROOT, "job %.2f s (POST %.0f ms)", r.median(db, "cvid.seconds"), r.median(db, "cvid.scheduleMs")),
                    memory(r, db, "cvid"), "≥ 0.50", met(ratio >= 0.5)));
        }
        for (var db : dbs) {
            double ratio = r.medianRatio(db, "rule.rps", "ceiling.rps");
            rows.add(new Row("3 rule job (JS update per record), " + n, db.label, rps(r.median(db, "rule.rps")), ratio(ratio),
                    String.format(Locale.ROOT, "job %.2f s", plan.selection() / r.median(db, "rule.rps")),
                    memory(r, db, "rule"), "≥ 0.40", met(ratio >= 0.4)));
        }
        for (int c : new int[] {1, 8}) {
            for (var db : dbs) {
                String k = "byids" + c;
                double ratio = r.medianRatio(db, k + ".rps", "ceiling.rps");
                double p99 = r.median(db, k + ".p99");
                int errors = (int) Stats.max(r.get(db, k + ".errors"));
                boolean ok = errors == 0 && (c == 1 || (ratio >= 0.3 && p99 <= 1000));
                rows.add(new Row(String.format(Locale.ROOT, "4 by ids, %d × %d ids, concurrency %d", plan.byIdsCalls(), plan.idsPerCall(), c),
                        db.label, rps(r.median(db, k + ".rps")), ratio(ratio),
                        String.format(Locale.ROOT, "p50 %.0f / p99 %.0f ms, %d errors", r.median(db, k + ".p50"), p99, errors), "",
                        c == 1 ? "0 errors" : "≥ 0.30, p99 ≤ 1 s", met(ok)));
            }
        }
        if (plan.scale()) {
            String big = String.format(Locale.ROOT, "%,d", plan.largeTable());
            String small = String.format(Locale.ROOT, "%,d", plan.baseTable());
            for (var db : dbs) {
                if (r.get(db, "scale.cvid.seconds").isEmpty()) continue;
                double growth = r.median(db, "scale.cvid.seconds") / r.median(db, "cvid.seconds");
                // the same growth with each time in units of its own run's ceiling: what is left when the
                // machine was busier during one half than during the other (the ceiling slows down alike)
                double againstCeiling = r.medianRatio(db, "cvid.rps", "ceiling.rps") / r.medianRatio(db, "scale.cvid.rps", "scale.ceiling.rps");
                rows.add(new Row("5 cvid job, " + n + " of " + big + " leads", db.label, rps(r.median(db, "scale.cvid.rps")),
                        ratio(r.medianRatio(db, "scale.cvid.rps", "scale.ceiling.rps")) + " of " + rps(r.median(db, "scale.ceiling.rps")),
                        String.format(Locale.ROOT, "job %.2f s vs %.2f s on %s (POST %.0f vs %.0f ms): time × %.2f (in ceilings × %.2f)",
                                r.median(db, "scale.cvid.seconds"), r.median(db, "cvid.seconds"), small,
                                r.median(db, "scale.scheduleMs"), r.median(db, "cvid.scheduleMs"), growth, againstCeiling),
                        "", "time × ≤ 1.30", met(growth <= 1.3)));
            }
        }
        for (var db : dbs) {
            double heap = Math.max(r.median(db, "mem.cvid.heap"), r.median(db, "mem.rule.heap"));
            double rss = Math.max(r.median(db, "mem.cvid.rss"), r.median(db, "mem.rule.rss"));
            rows.add(new Row("6 memory, Sweep at -Xmx256m (jobs 2 and 3)", db.label, "", "", "every job completed",
                    String.format(Locale.ROOT, "heap ≤ %.0f MB, RSS ≤ %.0f MB", heap, rss), "jobs complete", met(true)));
        }
        for (var db : dbs) {
            double ratio = r.medianRatio(db, "undo.rps", "ceiling.rps");
            rows.add(new Row("7 undo of the cvid job", db.label, rps(r.median(db, "undo.rps")), ratio(ratio),
                    String.format(Locale.ROOT, "job %.2f s", plan.selection() / r.median(db, "undo.rps")), "", "", ""));
        }
        if (plan.scale()) {
            for (var db : dbs) {
                if (r.get(db, "big.rps").isEmpty()) continue;
                double ratio = r.medianRatio(db, "big.rps", "scale.ceiling.rps");
                double againstSmall = r.median(db, "big.rps") / r.median(db, "rule.rps");
                double live = r.median(db, "mem.big.afterGc");
                boolean ok = Math.abs(againstSmall - 1) <= 0.10 && live <= 128;
                rows.add(new Row(String.format(Locale.ROOT, "8 rule job over all %,d leads", plan.largeTable()), db.label, rps(r.median(db, "big.rps")),
                        ratio(ratio), String.format(Locale.ROOT, "job %.1f s (POST %.0f ms), × %.2f the rate of job 3; last results page %.0f ms; undo %s/s",
                                r.median(db, "big.seconds"), r.median(db, "big.scheduleMs"), againstSmall, r.median(db, "big.lastPageMs"),
                                rps(r.median(db, "big.undo.rps"))),
                        String.format(Locale.ROOT, "heap after GC %.0f MB, RSS %.0f MB", live, r.median(db, "mem.big.rss")),
                        "rate ±10 % of job 3, heap after GC ≤ 128 MB", met(ok)));
            }
        }
        return render(rows);
    }

    private static String render(List<Row> rows) {
        String[] head = {"scenario", "database", "records/s", "ratio to ceiling", "time / latency", "memory", "target", "met"};
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        rows.forEach(r -> cells.add(new String[] {r.scenario(), r.db(), r.rps(), r.ratio(), r.time(), r.memory(), r.target(), r.met()}));
        int[] width = new int[head.length];
        for (String[] c : cells) for (int i = 0; i < c.length; i++) width[i] = Math.max(width[i], c[i].length());
        var out = new StringBuilder();
        for (int line = 0; line < cells.size(); line++) {
            String[] c = cells.get(line);
            out.append('|');
            for (int i = 0; i < c.length; i++) {
                boolean number = i == 2 || i == 3;
                String cell = number && line > 0 ? " ".repeat(width[i] - c[i].length()) + c[i] : c[i] + " ".repeat(width[i] - c[i].length());
                out.append(' ').append(cell).append(" |");
            }
            out.append('\n');
            if (line == 0) {
                out.append('|');
                for (int i = 0; i < c.length; i++) out.append(i == 2 || i == 3 ? "-".repeat(width[i] + 1) + ":|" : "-".repeat(width[i] + 2) + "|");
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String markdown(Bench.Plan plan, Machine machine, Results r, String table, double seconds, Map<Database.Kind, String> plans) {
        var out = new StringBuilder();
        out.append(plan.quick() ? "# Sweep benchmark — quick run (CI smoke test: figures not comparable)\n\n" : "# Sweep benchmark — latest full run\n\n");
        out.append(machine.markdown());
        out.append(String.format(Locale.ROOT, "- run: %d repetition(s) per figure, median shown; ratios pair the figures of one repetition; %.0f s in all%n",
                plan.reps(), seconds));
        out.append(String.format(Locale.ROOT, "- data: a selection of %,d leads in a Leads table of %,d (scenario 5: %,d); by ids: %d calls of %d ids%n",
                plan.selection(), plan.baseTable(), plan.largeTable(), plan.byIdsCalls(), plan.idsPerCall()));
        out.append("- how: `bench/run` (see bench/README.md); Sweep is `java -Xmx256m -jar target/sweep.jar serve` with its defaults; "
                + "PostgreSQL 14 is the embedded one the tests use (zonky, `synchronous_commit=off`)\n\n");
        out.append(table).append('\n');
        out.append("## Every repetition\n\n");
        for (var db : plan.databases()) {
            if (!r.has(db)) continue;
            out.append("**").append(db.label).append("**\n\n");
            out.append("| figure | median | repetitions |\n|---|---:|---|\n");
            for (Map.Entry<String, List<Double>> e : r.all(db).entrySet()) {
                out.append("| ").append(e.getKey()).append(" | ").append(num(Stats.median(e.getValue()))).append(" | ")
                        .append(e.getValue().stream().map(Report::num).collect(Collectors.joining(", "))).append(" |\n");
            }
            out.append('\n');
        }
        out.append("Units: `*.rps` records (rows) per second; `*.seconds` from the POST to COMPLETED seen on the status endpoint; "
                + "`*.scheduleMs`, `*.p50`, `*.p99` milliseconds; `mem.*` megabytes (heap: the fullest the heap was, before a GC or at the end, garbage included; "
                + "afterGc: the most left after a GC, old garbage included until a mixed or full GC; rss: peak resident set of the process).\n");
        if (!plans.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%n## The selection's plan on the %,d-lead table (scenario 5)%n", plan.largeTable()));
            plans.forEach((db, p) -> out.append("\n").append(db.label).append(":\n```\n").append(p).append("\n```\n"));
        }
        out.append(String.format(Locale.ROOT, "%nLoad average at the end: %s.%n", Machine.currentLoad()));
        return out.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "–";
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String rps(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String memory(Results r, Database.Kind db, String scenario) {
        double heap = r.median(db, "mem." + scenario + ".heap");
        if (Double.isNaN(heap)) return "";
        return String.format(Locale.ROOT, "heap %.0f MB, RSS %.0f MB", heap, r.median(db, "mem." + scenario + ".rss"));
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }
}
