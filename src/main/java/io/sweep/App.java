package io.sweep;

import io.sweep.api.AccessGate;
import io.sweep.api.HttpMetrics;
import io.sweep.api.ApiDescription;
import io.sweep.api.HttpServer;
import io.sweep.api.MetricsApi;
import io.sweep.api.admin.AdminApi;
import io.sweep.api.zoho.ZohoApi;
import io.sweep.auth.Authenticator;
import io.sweep.auth.LoginFailureRepository;
import io.sweep.auth.SessionRepository;
import io.sweep.auth.Sessions;
import io.sweep.auth.Scopes;
import io.sweep.auth.Tokens;
import io.sweep.auth.UserRepository;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.RecordRepository;
import io.sweep.db.Database;
import io.sweep.api.hooks.HookApi;
import io.sweep.jobs.RuleFireRepository;
import io.sweep.jobs.ScheduleTrigger;
import io.sweep.cli.LocalServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReference;
import io.sweep.hooks.WebhookDeliveryRepository;
import io.sweep.hooks.WebhookSecrets;
import io.sweep.hooks.WebhookService;
import io.sweep.jobs.RulePlanners;
import io.sweep.jobs.RuleQueue;
import io.sweep.rules.RuleRegistry;
import io.sweep.rules.RuleSandbox;
import io.sweep.rules.RuleValidator;
import io.sweep.jobs.ChunkRunner;
import io.sweep.jobs.HistoryRetention;
import io.sweep.jobs.JobGauges;
import io.sweep.jobs.JobRepository;
import io.sweep.jobs.JobScheduler;
import io.sweep.jobs.JobService;
import io.sweep.jobs.PreviewService;
import io.sweep.massupdate.ChangeOwnerService;
import io.sweep.notify.NotificationRepository;
import io.sweep.notify.Notifications;
import io.sweep.massupdate.MassUpdateService;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.RecordUpdater;
import io.sweep.crm.RecordHistoryRepository;
import io.sweep.records.RecordHistory;
import io.sweep.records.RecordService;
import io.sweep.records.References;
import io.sweep.records.Selections;
import io.sweep.records.ViewService;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with {@code new}, starts and stops them. */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** The administrator seeded by the first migration; SWEEP_BOOTSTRAP_TOKEN belongs to this user. */
    public static final String ADMIN_EMAIL = "admin@sweep.local";

    private final Config config;
    private final Storage storage;
    private final Database db;
    private final Metrics metrics = new Metrics();
    private final Metadata metadata;
    private final UserRepository users;
    private final Tokens tokens;
    private final HttpServer http;
    private final JobScheduler jobScheduler;
    private final JobService jobService;
    private final JobRepository jobRepository;
    private final RuleSandbox sandbox;
    private final RulePlanners rulePlanners;
    private final RuleRegistry ruleRegistry;
    private final PreviewService previews;
    private final ScheduleTrigger scheduleTrigger;
    private final Notifications notifications;
    private final HistoryRetention historyRetention;
    private final AtomicBoolean ready = new AtomicBoolean(false);
    /** Where the command line finds this server while it holds its H2 file; null before start, after close, and on other databases. */
    private final AtomicReference<LocalServer> localServer = new AtomicReference<>();
    private final Clock clock;

    private App(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.storage = Storage.open(config, clock);
        this.db = storage.database();
        this.metadata = storage.metadata();
        this.users = storage.users();
        this.tokens = storage.tokens();
        var meters = metrics.registry();
        db.bindMetrics(meters);
        var records = new RecordRepository(db);
        var validator = new MassUpdateValidator(config.limits());
        var recordHistory = new RecordHistoryRepository(db);
        var updater = new RecordUpdater(records, recordHistory);
        var massUpdates = new MassUpdateService(db, validator, updater, clock);
        var views = new CustomViewRepository(db);
        var recordService = new RecordService(db, metadata, records, updater, users, clock);
        var selections = new Selections(views, recordService);
        this.jobRepository = new JobRepository(db);
        this.sandbox = new RuleSandbox(config.ruleLimits(), clock);
        var ruleValidator = new RuleValidator(metadata, sandbox);
        var audit = storage.audit();
        this.ruleRegistry = new RuleRegistry(config.rulesDir(), ruleValidator, audit);
        var settings = config.jobs();
        this.rulePlanners = new RulePlanners(sandbox, ruleValidator, validator, metadata, records, users);
        this.historyRetention = new HistoryRetention(jobRepository, recordHistory, config.historyRetention(), clock, meters);
        this.notifications = new Notifications(new NotificationRepository(db), jobRepository, metadata, users, clock, settings.nodeName());
        this.jobScheduler = new JobScheduler(db, jobRepository,
                new ChunkRunner(db, jobRepository, metadata, users, records, validator, updater, recordHistory, rulePlanners, clock, settings.nodeName(), meters),
                new JobScheduler.Settings(settings.heartbeat(), settings.polling(), settings.threads(), settings.nodeName()), clock,
                java.util.List.of(notifications.deliveryTask()), java.util.List.of(historyRetention.task()));
        notifications.deliverThrough(jobScheduler);
        this.jobService = new JobService(db, metadata, jobRepository, records, recordService, selections, validator, jobScheduler, users, clock,
                config.maxJobRecords());
        jobService.onCancelled(jobId -> {
            rulePlanners.cancelJob(jobId);
            notifications.jobEnded(jobId);
        });
        jobService.auditTo(audit);
        this.scheduleTrigger = new ScheduleTrigger(ruleRegistry, new RuleFireRepository(db), jobService, clock);
        var ruleQueue = new RuleQueue(db, jobRepository, jobService, jobScheduler, ruleRegistry, config.webhookQueueLimit(), clock);
        jobScheduler.onChunkEnded(jobId -> {
            ruleQueue.chunkEnded(jobId);
            notifications.jobEnded(jobId);
        });
        // the recurring tick also starts waiting runs whose turn a node that died left unstarted
        jobScheduler.onRuleScheduleTick(() -> {
            scheduleTrigger.run();
            ruleQueue.promoteAll();
        });
        var webhookSecrets = new WebhookSecrets(db, clock);
        var hookApi = new HookApi(new WebhookService(ruleRegistry, webhookSecrets, new WebhookDeliveryRepository(db, clock), ruleQueue, clock), audit, meters);
        var sessions = new Sessions(new SessionRepository(db), new LoginFailureRepository(db), users, clock, config.sessionIdle(), audit, meters);
        var authenticator = new Authenticator(tokens, users, sessions);
        var accessGate = new AccessGate(authenticator, metadata,
                new io.sweep.api.TokenRateLimits(config.rateLimits().perMinute(), config.rateLimits().concurrent()),
                new AccessGate.CommandLineKey(LocalServer.KEY_HEADER, key -> {
                    LocalServer published = localServer.get();
                    return published != null && published.accepts(key);
                }));
        var zohoApi = new ZohoApi(metadata, users, views, records, recordService,
                new References(db, metadata, users), selections, massUpdates, jobService,
                new ChangeOwnerService(db, metadata, users, records, updater, clock), clock.getZone());
        this.previews = new PreviewService(db, jobService, validator, records, updater, rulePlanners, clock);
        var adminApi = new AdminApi(authenticator, sessions, metadata, users, tokens, jobService,
                previews, ruleRegistry, webhookSecrets,
                new ViewService(views, selections, records, metadata, users, clock), clock, audit,
                new RecordHistory(recordService, recordHistory), notifications, scheduleTrigger);
        var metricsApi = new MetricsApi(meters, new JobGauges(jobRepository, meters)::refresh);
        this.http = new HttpServer(new HttpServer.Settings(config.bind(), config.port(), config.maxBodyBytes(), ready::get, db::reachable), accessGate,
                java.util.List.of(zohoApi::register, adminApi::register, hookApi::register, metricsApi::register,
                        new io.sweep.api.BackupApi(db)::register, new io.sweep.api.CommandLineApi(this::runCommand)::register,
                        new ApiDescription()::register), new HttpMetrics(meters));
    }

    /** An administration command of the command line, run here for a command that found this server holding the database. */
    private String runCommand(String command, JsonNode args) {
        var ops = new AdminOperations(storage, clock);
        return switch (command) {
            case "user add" -> ops.addUser(text(args, "email"), text(args, "name"), text(args, "profile"), args.path("password_hash").asText(null));
            case "user password" -> {
                ops.setPassword(text(args, "email"), text(args, "password_hash"));
                yield null;
            }
            case "token create" -> ops.createToken(text(args, "user"), io.sweep.json.Json.MAPPER.convertValue(args.path("scopes"),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.List<String>>() {}), args.path("expires").asText(null), args.path("label").asText(null));
            case "token revoke" -> {
                if (!ops.revokeToken(text(args, "token"))) throw new IllegalArgumentException("no live token matches");
                yield null;
            }
            case "webhook-secret" -> ops.rotateWebhookSecret(text(args, "rule"), config.rulesDir());
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private static String text(JsonNode args, String name) {
        String value = args.path(name).asText(null);
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
        return value;
    }

    public static App create(Config config, Clock clock) {
        return new App(config, clock);
    }

    /** See {@link Storage#prepare}: the schema, metadata, record tables, demo data when asked. */
    public void prepareDatabase() {
        storage.prepare();
    }

    /** Starts HTTP at once (health answers 503), then prepares the database and turns ready. Returns the port. */
    public int start() {
        http.start();
        prepareDatabase();
        if (config.bootstrapToken() != null) {
            var admin = users.byEmail(ADMIN_EMAIL).orElseThrow(() -> new IllegalStateException("the seeded admin user is missing"));
            tokens.ensure(admin.id(), config.bootstrapToken(), Scopes.of(Scopes.ALL_SCOPES));
        }
        ruleRegistry.start();
        jobScheduler.start();
        ready.set(true);
        LocalServer.publish(config.dbUrl(), http.port()).ifPresent(localServer::set);
        LOG.info("Sweep ready on {} port {}", config.bind(), http.port());
        return http.port();
    }

    public int port() {
        return http.port();
    }

    /** Every HTTP route the server answers, with the access it declares. */
    public java.util.List<HttpServer.Route> routes() {
        return http.routes();
    }

    public Database database() {
        return db;
    }

    public UserRepository users() {
        return users;
    }

    public Tokens tokens() {
        return tokens;
    }

    public PreviewService previews() {
        return previews;
    }

    public RuleRegistry rules() {
        return ruleRegistry;
    }

    public JobService jobs() {
        return jobService;
    }

    public JobRepository jobRepository() {
        return jobRepository;
    }

    public Metadata metadata() {
        return metadata;
    }

    /** Where this node's chunks run; with no job threads, the caller runs them ({@link JobScheduler#runDue()}). */
    public JobScheduler jobScheduler() {
        return jobScheduler;
    }

    /** Where rule scripts run; it counts the scripts that did not stop and were left behind. */
    public RuleSandbox ruleSandbox() {
        return sandbox;
    }

    /** What fires rules on their cron schedule; the scheduler runs it every few seconds on one node at a time. */
    public ScheduleTrigger scheduleTrigger() {
        return scheduleTrigger;
    }

    /** What removes job results and record history older than the retention; the scheduler runs it hourly on one node. */
    public HistoryRetention historyRetention() {
        return historyRetention;
    }

    /** What tells the registered endpoints that a job ended. */
    public Notifications notifications() {
        return notifications;
    }

    @Override
    public void close() {
        LocalServer published = localServer.getAndSet(null);
        if (published != null) published.withdraw();
        http.stop();
        if (ready.get()) {
            jobScheduler.stop();
            ruleRegistry.close();
        }
        rulePlanners.close();
        sandbox.close();
        storage.close();
        metrics.close();
    }
}
