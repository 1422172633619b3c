package io.sweep;

import io.sweep.massupdate.Limits;
import io.sweep.rules.SandboxLimits;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every setting of a Sweep process. Read from environment variables; command-line flags
 * override them (see Main). Defaults run a single node on an H2 file under ./data.
 */
public record Config(
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Path rulesDir,
        String bootstrapToken,
        boolean demo,
        long maxBodyBytes,
        Limits limits,
        JobSettings jobs,
        java.time.Duration sessionIdle,
        SandboxLimits ruleLimits,
        int webhookQueueLimit,
        String bind,
        RateLimits rateLimits,
        int historyRetentionDays,
        int maxJobRecords) {

    /** How this node takes part in running jobs. */
    public record JobSettings(java.time.Duration heartbeat, java.time.Duration polling, int threads, String nodeName) {}

    /**
     * API calls one token may make on this node: per minute and at once; 0 switches a limit off.
     * Browser sessions are not limited (the UI is one person clicking).
     */
    public record RateLimits(int perMinute, int concurrent) {
        public static final RateLimits OFF = new RateLimits(0, 0);
    }

    /** The most days of history that can be asked to be kept (a hundred years); more is a typo. */
    public static final int MAX_RETENTION_DAYS = 36_500;

    /** How long job results and record history are kept; zero: forever. */
    public java.time.Duration historyRetention() {
        return java.time.Duration.ofDays(historyRetentionDays);
    }

    /**
     * The most records a rule job may select when none is set: Zoho's limit on a scheduled mass
     * update. A mass update through the Zoho API keeps that limit whatever is set.
     */
    public static final int DEFAULT_MAX_JOB_RECORDS = 50_000;
    /** The most a rule job may be allowed to select: ten million records (a job's chunks are one row each per 500). */
    public static final int MAX_JOB_RECORDS_CEILING = 10_000_000;

    /** The address HTTP listens on when none is set: every interface. */
    public static final String DEFAULT_BIND = "0.0.0.0";

    /** Webhook deliveries that may wait for one rule's running job before more are refused (429). */
    public static final int DEFAULT_WEBHOOK_QUEUE_LIMIT = 1_000;

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/sweep;DB_CLOSE_ON_EXIT=FALSE";

    public static Config fromEnvironment(Map<String, String> env) {
        checkLogFormat(env);
        SandboxLimits rules = SandboxLimits.defaults();
        return new Config(
                (int) number(env, "SWEEP_PORT", 7070, 0, 65_535),
                env.getOrDefault("SWEEP_DB_URL", DEFAULT_DB_URL),
                env.get("SWEEP_DB_USER"),
                env.get("SWEEP_DB_PASSWORD"),
                (int) number(env, "SWEEP_DB_POOL_SIZE", 10),
                Path.of(env.getOrDefault("SWEEP_RULES_DIR", "rules")),
                blankToNull(env.get("SWEEP_BOOTSTRAP_TOKEN")),
                "1".equals(env.get("SWEEP_DEMO")) || "true".equalsIgnoreCase(env.get("SWEEP_DEMO")),
                number(env, "SWEEP_MAX_BODY_BYTES", 2 * 1024 * 1024),
                Limits.parse(env.getOrDefault("SWEEP_MAX_FIELDS_PER_CALL", Limits.ZOHO_DEFAULT)),
                new JobSettings(
                        java.time.Duration.ofMillis(number(env, "SWEEP_HEARTBEAT_MILLIS", 1500)),
                        java.time.Duration.ofMillis(number(env, "SWEEP_JOB_POLL_MILLIS", 500)),
                        // 0: this node takes no chunks (it serves the API; other nodes run the jobs)
                        (int) number(env, "SWEEP_JOB_THREADS", 2, 0, Integer.MAX_VALUE),
                        env.getOrDefault("SWEEP_NODE_NAME", defaultNodeName())),
                java.time.Duration.ofMinutes(number(env, "SWEEP_SESSION_IDLE_MINUTES", 30)),
                new SandboxLimits(
                        java.time.Duration.ofMillis(number(env, "SWEEP_RULE_RECORD_MILLIS", rules.recordTime().toMillis())),
                        java.time.Duration.ofSeconds(number(env, "SWEEP_RULE_JOB_SECONDS", rules.jobTime().toSeconds())),
                        number(env, "SWEEP_RULE_STATEMENTS", rules.statementsPerRecord()),
                        (int) number(env, "SWEEP_RULE_LOG_BYTES", rules.logBytes()),
                        rules.heapThreshold()),
                (int) number(env, "SWEEP_WEBHOOK_QUEUE", DEFAULT_WEBHOOK_QUEUE_LIMIT),
                bind(env.get("SWEEP_BIND")),
                new RateLimits(
                        (int) number(env, "SWEEP_RATE_LIMIT_PER_MINUTE", 0, 0, Integer.MAX_VALUE),
                        (int) number(env, "SWEEP_RATE_LIMIT_CONCURRENT", 0, 0, Integer.MAX_VALUE)),
                // 0 (the default): kept forever
                (int) number(env, "SWEEP_HISTORY_RETENTION_DAYS", 0, 0, MAX_RETENTION_DAYS),
                (int) number(env, "SWEEP_MAX_JOB_RECORDS", DEFAULT_MAX_JOB_RECORDS, 1, MAX_JOB_RECORDS_CEILING));
    }

    /** The log format is read by the logging set-up itself; a typo is refused here rather than silently logging nothing. */
    static void checkLogFormat(Map<String, String> env) {
        String format = env.get("SWEEP_LOG_FORMAT");
        if (format != null && !format.isBlank() && !format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("SWEEP_LOG_FORMAT must be text or json, not '" + format + "'");
        }
    }

    /** An address to listen on: an IP address or a host name, checked now so a typo stops the start with its name. */
    static String bind(String text) {
        if (text == null || text.isBlank()) return DEFAULT_BIND;
        String address = text.strip();
        try {
            java.net.InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("SWEEP_BIND must be an address of this machine (0.0.0.0, 127.0.0.1, ::1 …), not '" + text + "'");
        }
        return address;
    }

    /** A positive whole number from the environment, or a message that names the variable. */
    private static long number(Map<String, String> env, String name, long otherwise) {
        return number(env, name, otherwise, 1, Integer.MAX_VALUE);
    }

    private static long number(Map<String, String> env, String name, long otherwise, long min, long max) {
        String text = env.get(name);
        if (text == null || text.isBlank()) return otherwise;
        try {
            long n = Long.parseLong(text.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "sweep";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Config withPort(int p) {
        return with(s -> s.port = p);
    }

    public Config withDb(String url, String user, String password) {
        return with(s -> {
            s.dbUrl = url;
            s.dbUser = user;
            s.dbPassword = password;
        });
    }

    public Config withDemo(boolean d) {
        return with(s -> s.demo = d);
    }

    public Config withBootstrapToken(String token) {
        return with(s -> s.bootstrapToken = token);
    }

    public Config withRulesDir(Path dir) {
        return with(s -> s.rulesDir = dir);
    }

    public Config withLimits(Limits l) {
        return with(s -> s.limits = l);
    }

    public Config withJobs(JobSettings j) {
        return with(s -> s.jobs = j);
    }

    public Config withSessionIdle(java.time.Duration idle) {
        return with(s -> s.sessionIdle = idle);
    }

    public Config withRuleLimits(SandboxLimits l) {
        return with(s -> s.ruleLimits = l);
    }

    public Config withWebhookQueueLimit(int limit) {
        return with(s -> s.webhookQueueLimit = limit);
    }

    public Config withBind(String address) {
        return with(s -> s.bind = bind(address));
    }

    public Config withRateLimits(RateLimits limits) {
        return with(s -> s.rateLimits = limits);
    }

    /** See {@link #historyRetention()}; the range is checked as the environment variable's is. */
    public Config withHistoryRetentionDays(int days) {
        if (days < 0 || days > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("the history retention must be a whole number of days from 0 to " + MAX_RETENTION_DAYS + ", not " + days);
        }
        return with(s -> s.historyRetentionDays = days);
    }

    public Config withMaxJobRecords(int records) {
        if (records < 1 || records > MAX_JOB_RECORDS_CEILING) {
            throw new IllegalArgumentException("the most records of a rule job must be from 1 to " + MAX_JOB_RECORDS_CEILING + ", not " + records);
        }
        return with(s -> s.maxJobRecords = records);
    }

    public Config withMaxBodyBytes(long bytes) {
        return with(s -> s.maxBodyBytes = bytes);
    }

    /** A copy with some settings changed: the one place that lists every component twice. */
    private Config with(Consumer<Settings> change) {
        var settings = new Settings(this);
        change.accept(settings);
        return settings.config();
    }

    /** The components of a Config, changeable while a copy is made. */
    private static final class Settings {
        int port;
        String dbUrl;
        String dbUser;
        String dbPassword;
        int dbPoolSize;
        Path rulesDir;
        String bootstrapToken;
        boolean demo;
        long maxBodyBytes;
        Limits limits;
        JobSettings jobs;
        java.time.Duration sessionIdle;
        SandboxLimits ruleLimits;
        int webhookQueueLimit;
        String bind;
        RateLimits rateLimits;
        int historyRetentionDays;
        int maxJobRecords;

        Settings(Config c) {
            port = c.port;
            dbUrl = c.dbUrl;
            dbUser = c.dbUser;
            dbPassword = c.dbPassword;
            dbPoolSize = c.dbPoolSize;
            rulesDir = c.rulesDir;
            bootstrapToken = c.bootstrapToken;
            demo = c.demo;
            maxBodyBytes = c.maxBodyBytes;
            limits = c.limits;
            jobs = c.jobs;
            sessionIdle = c.sessionIdle;
            ruleLimits = c.ruleLimits;
            webhookQueueLimit = c.webhookQueueLimit;
            bind = c.bind;
            rateLimits = c.rateLimits;
            historyRetentionDays = c.historyRetentionDays;
            maxJobRecords = c.maxJobRecords;
        }

        Config config() {
            return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, bootstrapToken, demo, maxBodyBytes,
                    limits, jobs, sessionIdle, ruleLimits, webhookQueueLimit, bind, rateLimits,
                    historyRetentionDays, maxJobRecords);
        }
    }
}
