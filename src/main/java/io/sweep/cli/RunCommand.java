package io.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sweep.json.Json;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep run RULE}: runs a rule on a running server through its /api, follows the job with a
 * progress bar and prints a summary. Exit codes are those of {@link ExitCodes}: a refused run is
 * the server's code and message on one line and 1, a COMPLETED job with more failed records than
 * {@code --max-failures} is 3.
 */
@Command(name = "run", description = {
        "Run a rule on a running Sweep server and follow its job (or preview it with --dry-run).",
        "Exit code: 0 when the job completed (with at most --max-failures failed records), 1 when it failed, was cancelled or was refused,",
        "2 on a usage mistake, 3 when more records failed than --max-failures allows, 4 when the server cannot be reached."})
public final class RunCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 300;

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "RULE", description = "the rule's id (its file name without .js)")
    String rule;
    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "a run parameter (repeatable); the value is read as JSON when it is JSON (42, true, [\"a\"], \"text\"), as text otherwise")
    Map<String, String> params = new LinkedHashMap<>();
    @Option(names = "--dry-run", description = "preview: the selected count and the first records' old → new; writes nothing")
    boolean dryRun;
    @Option(names = "--limit", defaultValue = "10", description = "records shown by --dry-run (1–200, default ${DEFAULT-VALUE})")
    int limit;
    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "0",
            description = "failed records a COMPLETED job may have and still exit 0 (default ${DEFAULT-VALUE}); more exit 3")
    int maxFailures;
    @Option(names = "--url", description = "the server (env SWEEP_URL, default http://localhost:7070)")
    String url;
    @Option(names = "--token", description = "an API token with Sweep.rules.READ and the mass_update scope (env SWEEP_TOKEN)")
    String token;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxFailures < 0) throw new CliFailure(ExitCodes.USAGE, "--max-failures must be 0 or more");
        SweepClient client = client();
        String path = "/api/rules/" + URLEncoder.encode(rule, StandardCharsets.UTF_8);
        String body = paramsJson().toString();
        if (dryRun) return preview(client, path, body, out);

        var started = client.post(path + "/run", body);
        if (!started.ok()) {
            err.println("sweep: " + started.error());
            return ExitCodes.FAILED;
        }
        String jobId = started.body().path("id").asText();
        err.println("job " + jobId + " started for rule " + rule + " (" + started.body().path("Total_Count").asInt() + " records)");
        JsonNode job = follow(client, jobId, new ProgressBar(err, terminal()));
        summary(client, job, out);
        return exitCode(job, maxFailures);
    }

    /** A job that did not complete failed; one that did fails too when more records failed than allowed. */
    static int exitCode(JsonNode job, int maxFailures) {
        if (!"COMPLETED".equals(job.path("status").asText())) return ExitCodes.FAILED;
        return job.path("Failed_Count").asInt() > maxFailures ? ExitCodes.RECORDS_FAILED : ExitCodes.OK;
    }

    private SweepClient client() {
        String base = url != null ? url : System.getenv().getOrDefault("SWEEP_URL", "http://localhost:7070");
        String t = token != null ? token : System.getenv("SWEEP_TOKEN");
        if (t == null || t.isBlank()) throw new CliFailure(ExitCodes.USAGE, "no token: pass --token or set SWEEP_TOKEN");
        return new SweepClient(base, t.trim());
    }

    private ObjectNode paramsJson() {
        ObjectNode json = Json.object();
        params.forEach((k, v) -> json.set(k, valueOf(v)));
        return json;
    }

    private static JsonNode valueOf(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
    }

    private JsonNode follow(SweepClient client, String jobId, ProgressBar bar) throws InterruptedException {
        while (true) {
            var answer = client.get("/api/jobs/" + jobId);
            if (!answer.ok()) throw new CliFailure(ExitCodes.FAILED, "job " + jobId + ": " + answer.error());
            JsonNode job = answer.body();
            int total = job.path("Total_Count").asInt();
            int passed = passed(job, total);
            bar.show(passed, total, job.path("Updated_Count").asInt(), job.path("Failed_Count").asInt(), perSecond(job, passed));
            if (!List.of("SCHEDULED", "RUNNING").contains(job.path("status").asText())) {
                bar.finish();
                return job;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Records the job has been through, skipped ones included: those of its finished chunks. */
    private static int passed(JsonNode job, int total) {
        int chunks = job.path("chunks").path("total").asInt();
        int done = job.path("chunks").path("done").asInt();
        if (chunks == 0 || done >= chunks) return done >= chunks ? total : 0;
        return (int) ((long) total * done / chunks);
    }

    /** Records gone through (skipped ones too) per second of running; 0 before the job starts. */
    private static double perSecond(JsonNode job, int passed) {
        long millis = job.path("duration_ms").asLong(0);
        return millis > 0 ? passed * 1000.0 / millis : 0;
    }

    private void summary(SweepClient client, JsonNode job, PrintWriter out) {
        String id = job.path("id").asText();
        double seconds = job.path("duration_ms").asLong() / 1000.0;
        double perSecond = perSecond(job, passed(job, job.path("Total_Count").asInt()));
        out.printf(Locale.ROOT, "job %s %s in %.1f s%s%n", id, job.path("status").asText(), seconds,
                perSecond > 0 ? String.format(Locale.ROOT, " (%,.0f records/s)", perSecond) : "");
        out.printf(Locale.ROOT, "  total %,d  updated %,d  failed %,d  not updated %,d%n", job.path("Total_Count").asInt(),
                job.path("Updated_Count").asInt(), job.path("Failed_Count").asInt(), job.path("Not_Updated_Count").asInt());
        if (!job.path("message").isNull() && !job.path("message").asText().isEmpty()) out.println("  " + job.path("message").asText());
        if (job.path("Failed_Count").asInt() > 0) {
            out.println("  failed records: " + client.baseUrl() + "/api/jobs/" + id + "/results?status=failed");
        }
        out.flush();
    }

    private int preview(SweepClient client, String path, String body, PrintWriter out) {
        if (limit < 1 || limit > 200) throw new CliFailure(ExitCodes.USAGE, "--limit must be between 1 and 200");
        var answer = client.post(path + "/preview?limit=" + limit, body);
        if (!answer.ok()) {
            spec.commandLine().getErr().println("sweep: " + answer.error());
            return ExitCodes.FAILED;
        }
        JsonNode preview = answer.body();
        out.printf(Locale.ROOT, "rule %s on %s: %,d records selected%n", rule, preview.path("module").asText(), preview.path("selected").asLong());
        JsonNode error = preview.path("error");
        if (error.isObject()) out.println("a run would be refused: " + error.path("code").asText() + ": " + error.path("message").asText());
        JsonNode sample = preview.path("sample");
        out.printf(Locale.ROOT, "first %d: would update %d, skip %d, fail %d%n", sample.size(),
                preview.path("would_update").asInt(), preview.path("would_skip").asInt(), preview.path("would_fail").asInt());
        for (JsonNode s : sample) {
            String outcome = s.path("outcome").asText();
            if ("update".equals(outcome)) {
                for (JsonNode c : s.path("changes")) {
                    out.println("  " + s.path("id").asText() + "  " + c.path("field").asText() + ": " + text(c.get("old")) + " → " + text(c.get("new")));
                }
            } else if ("fail".equals(outcome)) {
                out.println("  " + s.path("id").asText() + "  would fail: " + s.path("code").asText() + ": " + s.path("message").asText());
            } else {
                out.println("  " + s.path("id").asText() + "  skipped" + (s.path("message").isTextual() ? ": " + s.path("message").asText() : ""));
            }
        }
        out.flush();
        return error.isObject() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) return "(empty)";
        return value.isTextual() ? value.asText() : value.toString();
    }

    /**
     * Whether stderr's progress may be redrawn in place. From JDK 22 on {@code System.console()} is
     * there even when output is redirected and {@code isTerminal()} tells; on 21 a console means a terminal.
     */
    private static boolean terminal() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
