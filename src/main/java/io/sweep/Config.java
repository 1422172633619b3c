package io.sweep;

import io.sweep.massupdate.Limits;
import java.nio.file.Path;
import java.util.Map;

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
        java.time.Duration sessionIdle) {

    /** How this node takes part in running jobs. */
    public record JobSettings(java.time.Duration heartbeat, java.time.Duration polling, int threads, String nodeName) {}

    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/sweep;DB_CLOSE_ON_EXIT=FALSE";

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                Integer.parseInt(env.getOrDefault("SWEEP_PORT", "7070")),
                env.getOrDefault("SWEEP_DB_URL", DEFAULT_DB_URL),
                env.get("SWEEP_DB_USER"),
                env.get("SWEEP_DB_PASSWORD"),
                Integer.parseInt(env.getOrDefault("SWEEP_DB_POOL_SIZE", "10")),
                Path.of(env.getOrDefault("SWEEP_RULES_DIR", "rules")),
                blankToNull(env.get("SWEEP_BOOTSTRAP_TOKEN")),
                "1".equals(env.get("SWEEP_DEMO")) || "true".equalsIgnoreCase(env.get("SWEEP_DEMO")),
                Long.parseLong(env.getOrDefault("SWEEP_MAX_BODY_BYTES", String.valueOf(2 * 1024 * 1024))),
                Limits.parse(env.getOrDefault("SWEEP_MAX_FIELDS_PER_CALL", Limits.ZOHO_DEFAULT)),
                new JobSettings(
                        java.time.Duration.ofMillis(Long.parseLong(env.getOrDefault("SWEEP_HEARTBEAT_MILLIS", "1500"))),
                        java.time.Duration.ofMillis(Long.parseLong(env.getOrDefault("SWEEP_JOB_POLL_MILLIS", "500"))),
                        Integer.parseInt(env.getOrDefault("SWEEP_JOB_THREADS", "2")),
                        env.getOrDefault("SWEEP_NODE_NAME", defaultNodeName())),
                java.time.Duration.ofMinutes(Long.parseLong(env.getOrDefault("SWEEP_SESSION_IDLE_MINUTES", "30"))));
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
        return new Config(p, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, bootstrapToken, demo, maxBodyBytes, limits, jobs, sessionIdle);
    }

    public Config withDb(String url, String user, String password) {
        return new Config(port, url, user, password, dbPoolSize, rulesDir, bootstrapToken, demo, maxBodyBytes, limits, jobs, sessionIdle);
    }

    public Config withDemo(boolean d) {
        return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, bootstrapToken, d, maxBodyBytes, limits, jobs, sessionIdle);
    }

    public Config withBootstrapToken(String token) {
        return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, token, demo, maxBodyBytes, limits, jobs, sessionIdle);
    }

    public Config withRulesDir(Path dir) {
        return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, dir, bootstrapToken, demo, maxBodyBytes, limits, jobs, sessionIdle);
    }

    public Config withLimits(Limits l) {
        return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, bootstrapToken, demo, maxBodyBytes, l, jobs, sessionIdle);
    }

    public Config withJobs(JobSettings j) {
        return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, bootstrapToken, demo, maxBodyBytes, limits, j, sessionIdle);
    }

    public Config withSessionIdle(java.time.Duration idle) {
        return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, bootstrapToken, demo, maxBodyBytes, limits, jobs, idle);
    }

    public Config withMaxBodyBytes(long bytes) {
        return new Config(port, dbUrl, dbUser, dbPassword, dbPoolSize, rulesDir, bootstrapToken, demo, bytes, limits, jobs, sessionIdle);
    }
}
