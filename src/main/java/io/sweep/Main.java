package io.sweep;

import io.sweep.auth.Passwords;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.cli.CliErrors;
import io.sweep.cli.CliFailure;
import io.sweep.cli.LocalServer;
import io.sweep.db.DatabaseFailures;
import io.sweep.json.Json;
import io.sweep.cli.ExitCodes;
import io.sweep.cli.RunCommand;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code sweep} command line: serve, migrate, user, token, webhook-secret, check, run, test, backup. */
@Command(name = "sweep", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Sweep 0.1",
        description = "Self-hosted mass-update engine speaking the Zoho CRM v2 Mass Update API.",
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.UserCommand.class, Main.TokenCommand.class,
                Main.WebhookSecretCommand.class, Main.Check.class, RunCommand.class, TestCommand.class,
                io.sweep.cli.BackupCommand.class})
public final class Main {
    public static void main(String[] args) {
        // a command reports a database it cannot open in one line of its own; the pool's logged stack trace would bury it
        if (args.length == 0 || !"serve".equals(args[0])) System.setProperty("sweep.log.pool", "OFF");
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its error handling: every error is one line on stderr, {@code sweep: …},
     * and the exit code of {@link ExitCodes}; {@code SWEEP_DEBUG=1} adds the stack trace of an unexpected one.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setParameterExceptionHandler((e, args) -> {
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    e.getCommandLine().getErr().println("sweep: " + e.getMessage() + " (see " + command + " --help)");
                    return ExitCodes.USAGE;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("sweep: " + CliErrors.message(e));
                    if (CliErrors.unexpected(e) && System.getenv("SWEEP_DEBUG") != null) e.printStackTrace(cmd.getErr());
                    cmd.getErr().flush();
                    return CliErrors.exitCode(e);
                });
    }

    /** Database flags shared by every command; each overrides its environment variable. */
    static final class DbOptions {
        @Option(names = "--db-url", description = "JDBC URL (env SWEEP_DB_URL; default an H2 file under ./data)")
        String url;
        @Option(names = "--db-user", description = "database user (env SWEEP_DB_USER)")
        String user;
        @Option(names = "--db-password", description = "database password (env SWEEP_DB_PASSWORD)")
        String password;

        Config config() {
            Config c = Config.fromEnvironment(System.getenv());
            return c.withDb(url != null ? url : c.dbUrl(), user != null ? user : c.dbUser(), password != null ? password : c.dbPassword());
        }
    }

    @Command(name = "serve", description = "Run the server.")
    static final class Serve implements Callable<Integer> {
        @Mixin DbOptions db = new DbOptions();
        @Option(names = "--port", description = "HTTP port (env SWEEP_PORT, default 7070; 0 picks a free one)")
        Integer port;
        @Option(names = "--bind", description = "address to listen on (env SWEEP_BIND, default 0.0.0.0: every interface; 127.0.0.1: this machine only)")
        String bind;
        @Option(names = "--demo", description = "seed demo data into an empty database (env SWEEP_DEMO=1)")
        boolean demo;
        @Option(names = "--rules-dir", description = "rule files folder (env SWEEP_RULES_DIR, default ./rules)")
        java.nio.file.Path rulesDir;
        @Option(names = "--history-retention-days",
                description = "days job results and record history are kept (env SWEEP_HISTORY_RETENTION_DAYS, default 0: forever)")
        Integer historyRetentionDays;
        @Option(names = "--max-job-records",
                description = "the most records a rule job may select (env SWEEP_MAX_JOB_RECORDS, default 50000: Zoho's limit; up to 10000000)")
        Integer maxJobRecords;

        @Override
        public Integer call() throws InterruptedException {
            Config c = db.config();
            if (port != null) c = c.withPort(port);
            if (bind != null) c = c.withBind(bind);
            if (demo) c = c.withDemo(true);
            if (rulesDir != null) c = c.withRulesDir(rulesDir);
            if (historyRetentionDays != null) c = c.withHistoryRetentionDays(historyRetentionDays);
            if (maxJobRecords != null) c = c.withMaxJobRecords(maxJobRecords);
            App app = App.create(c, Clock.systemUTC());
            int actual = app.start();
            System.out.println("Sweep is running at http://localhost:" + actual + "/");
            var stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // each step of closing is bounded; should one hang all the same, the process still ends in time
                Thread last = new Thread(() -> {
                    try {
                        Thread.sleep(STOP_DEADLINE.toMillis());
                        System.err.println("sweep: stopping took longer than " + STOP_DEADLINE.toSeconds() + " s; exiting now");
                        Runtime.getRuntime().halt(1);
                    } catch (InterruptedException e) {
                        // closed in time
                    }
                }, "sweep-stop-deadline");
                last.setDaemon(true);
                last.start();
                app.close();
                last.interrupt();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        }
    }

    /** SIGTERM ends the process within this, whatever is running. */
    static final java.time.Duration STOP_DEADLINE = java.time.Duration.ofSeconds(28);

    @Command(name = "migrate", description = "Apply database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin DbOptions db = new DbOptions();

        @Override
        public Integer call() {
            try (Storage storage = Storage.open(db.config(), Clock.systemUTC())) {
                storage.prepare();
            }
            System.err.println("database is up to date");
            return 0;
        }
    }

    @Command(name = "check", description = {
            "Validate rule files without a server: one line per problem as file:line:col: message.",
            "Against the standard modules, fields and picklists; with --db-url against that database's, and its users (runAs).",
            "Exit code 0 when every rule is valid, 1 otherwise."})
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "DIR|FILE", arity = "0..*",
                description = "rule files folders or rule files (.js) (default: env SWEEP_RULES_DIR, else ./rules)")
        List<java.nio.file.Path> paths = new java.util.ArrayList<>();
        @Mixin DbOptions db = new DbOptions();

        @Override
        public Integer call() {
            List<java.nio.file.Path> targets = paths.isEmpty() ? List.of(Config.fromEnvironment(System.getenv()).rulesDir()) : paths;
            var problems = io.sweep.rules.RuleCheck.check(targets, db.url == null ? io.sweep.rules.RuleCheck::standardReference : this::databaseReference);
            problems.forEach(System.out::println);
            String checked = targets.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(" "));
            System.err.println(problems.isEmpty() ? "rules in " + checked + " are valid" : problems.size() + " problem(s) in " + checked);
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }

        /** The given database as it is (not migrated: checking never changes it). */
        private io.sweep.rules.RuleCheck.Reference databaseReference() {
            Config c = db.config();
            try (var database = io.sweep.db.Database.open(c.dbUrl(), c.dbUser(), c.dbPassword(), 1)) {
                return io.sweep.rules.RuleCheck.databaseReference(database);
            }
        }
    }

    @Command(name = "user", description = "Manage users.", subcommands = {UserCommand.Add.class, UserCommand.SetPassword.class})
    static final class UserCommand {
        @Command(name = "add", description = "Add a user.")
        static final class Add implements Callable<Integer> {
            @Mixin DbOptions db = new DbOptions();
            @Option(names = "--email", required = true) String email;
            @Option(names = "--name", required = true) String name;
            @Option(names = "--profile", defaultValue = "Standard", description = "profile name (default: ${DEFAULT-VALUE})")
            String profile;
            @Option(names = "--password-stdin", description = "read the user's browser password from the first line of standard input")
            boolean passwordStdin;

            @Override
            public Integer call() throws java.io.IOException {
                String hash = passwordStdin ? Passwords.hash(passwordFromStdin()) : null;
                var args = Json.object().put("email", email).put("name", name).put("profile", profile).put("password_hash", hash);
                System.out.println(administer(db.config(), "user add", args, ops -> ops.addUser(email, name, profile, hash)));
                return 0;
            }
        }

        @Command(name = "password", description = "Set a user's browser password, read from the first line of standard input; ends their sessions.")
        static final class SetPassword implements Callable<Integer> {
            @Mixin DbOptions db = new DbOptions();
            @Option(names = "--email", required = true) String email;

            @Override
            public Integer call() throws java.io.IOException {
                String hash = Passwords.hash(passwordFromStdin());
                administer(db.config(), "user password", Json.object().put("email", email).put("password_hash", hash), ops -> {
                    ops.setPassword(email, hash);
                    return null;
                });
                System.err.println("password set");
                return 0;
            }
        }

        /** The first line of standard input, so {@code echo pw | sweep …} and a terminal both work; never an argument (ps shows those). */
        static String passwordFromStdin() throws java.io.IOException {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) throw new IllegalArgumentException("no password on standard input");
            if (line.length() < Passwords.MIN_LENGTH) {
                throw new IllegalArgumentException("the password needs at least " + Passwords.MIN_LENGTH + " characters");
            }
            return line;
        }
    }

    @Command(name = "webhook-secret", description = {
            "Create or rotate the webhook secret of a rule and print it (shown only this once).",
            "After a rotation the previous secret stays valid for 24 hours, so senders can switch over."})
    static final class WebhookSecretCommand implements Callable<Integer> {
        @Mixin DbOptions db = new DbOptions();
        @Parameters(paramLabel = "RULE", description = "the rule's id (its file name without .js)") String rule;
        @Option(names = "--rules-dir", description = "rule files folder (env SWEEP_RULES_DIR, default ./rules)")
        java.nio.file.Path rulesDir;

        @Override
        public Integer call() {
            Config c = db.config();
            java.nio.file.Path dir = rulesDir != null ? rulesDir : c.rulesDir();
            // through a running server, its own rules folder is the one that counts
            System.out.println(administer(c, "webhook-secret", Json.object().put("rule", rule), ops -> ops.rotateWebhookSecret(rule, dir)));
            return 0;
        }
    }

    @Command(name = "token", description = "Manage API tokens.", subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class})
    static final class TokenCommand {
        @Command(name = "create", description = "Create a token and print it (it is shown only this once).")
        static final class Create implements Callable<Integer> {
            @Mixin DbOptions db = new DbOptions();
            @Option(names = "--user", required = true, description = "e-mail of the token's user") String user;
            @Option(names = "--scope", required = true, description = "a scope, e.g. ZohoCRM.mass_update.UPDATE (repeatable)")
            List<String> scopes;
            @Option(names = "--expires", description = "a duration (30d, 12h, 90m) or a date/time (2027-01-31, 2027-01-31T12:00:00Z)")
            String expires;
            @Option(names = "--label") String label;

            @Override
            public Integer call() {
                var args = Json.object().put("user", user).put("expires", expires).put("label", label);
                scopes.forEach(args.putArray("scopes")::add);
                System.out.println(administer(db.config(), "token create", args, ops -> ops.createToken(user, scopes, expires, label)));
                return 0;
            }
        }

        @Command(name = "revoke", description = "Revoke a token, given the token itself or its id.")
        static final class Revoke implements Callable<Integer> {
            @Mixin DbOptions db = new DbOptions();
            @Parameters(paramLabel = "TOKEN_OR_ID") String token;

            @Override
            public Integer call() {
                administer(db.config(), "token revoke", Json.object().put("token", token), ops -> {
                    if (!ops.revokeToken(token)) throw new CliFailure(ExitCodes.FAILED, "no live token matches");
                    return null;
                });
                System.err.println("revoked");
                return 0;
            }
        }
    }

    /**
     * An administration command done on the database, or, while a server holds its H2 file (H2
     * opens a file in one process at a time), done by that server for it (see {@link LocalServer}).
     */
    static String administer(Config c, String command, ObjectNode args, java.util.function.Function<AdminOperations, String> local) {
        Storage storage;
        try {
            storage = Storage.open(c, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (!DatabaseFailures.inUse(e)) throw e;
            return LocalServer.ask(c.dbUrl(), command, args);
        }
        try (storage) {
            storage.prepare();
            return local.apply(new AdminOperations(storage, Clock.systemUTC()));
        }
    }
}
