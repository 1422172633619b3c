package io.sweep;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.sweep.api.Access;
import io.sweep.api.AccessGate;
import io.sweep.api.ErrorRenderer;
import io.sweep.api.JsonErrorHandler;
import io.sweep.api.Utf8Body;
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
import io.sweep.crm.RecordSchema;
import io.sweep.db.Database;
import io.sweep.demo.DemoData;
import io.sweep.api.hooks.HookApi;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.hooks.RuleFireRepository;
import io.sweep.hooks.ScheduleTrigger;
import io.sweep.hooks.WebhookDeliveryRepository;
import io.sweep.hooks.WebhookSecrets;
import io.sweep.hooks.WebhookService;
import io.sweep.jobs.RulePlanners;
import io.sweep.jobs.RuleQueue;
import io.sweep.json.Json;
import io.sweep.rules.RuleRegistry;
import io.sweep.rules.RuleSandbox;
import io.sweep.rules.RuleValidator;
import io.sweep.jobs.ChunkRunner;
import io.sweep.jobs.JobRepository;
import io.sweep.jobs.JobScheduler;
import io.sweep.jobs.JobService;
import io.sweep.jobs.PreviewService;
import io.sweep.massupdate.ChangeOwnerService;
import io.sweep.massupdate.MassUpdateService;
import io.sweep.massupdate.MassUpdateValidator;
import io.sweep.massupdate.RecordUpdater;
import io.sweep.records.RecordService;
import io.sweep.records.References;
import io.sweep.records.Selections;
import io.sweep.records.ViewService;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with {@code new}, starts and stops them. */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** The administrator seeded by the first migration; SWEEP_BOOTSTRAP_TOKEN belongs to this user. */
    public static final String ADMIN_EMAIL = "admin@sweep.local";

    private final Config config;
    private final Clock clock;
    private final Database db;
    private final Metadata metadata;
    private final UserRepository users;
    private final Tokens tokens;
    private final ZohoApi zohoApi;
    private final AdminApi adminApi;
    private final JobScheduler jobScheduler;
    private final JobService jobService;
    private final JobRepository jobRepository;
    private final RuleSandbox sandbox;
    private final RulePlanners rulePlanners;
    private final RuleRegistry ruleRegistry;
    private final HookApi hookApi;
    private final AccessGate accessGate;
    private final ScheduleTrigger scheduleTrigger;
    private final AtomicBoolean ready = new AtomicBoolean(false);
    private Javalin server;

    private App(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
        this.metadata = new Metadata(db);
        this.users = new UserRepository(db, clock);
        this.tokens = new Tokens(db, clock);
        var records = new RecordRepository(db);
        var validator = new MassUpdateValidator(config.limits());
        var updater = new RecordUpdater(records);
        var massUpdates = new MassUpdateService(db, validator, updater, clock);
        var views = new CustomViewRepository(db);
        var recordService = new RecordService(db, metadata, records, users, clock);
        var selections = new Selections(views, recordService);
        this.jobRepository = new JobRepository(db);
        this.sandbox = new RuleSandbox(config.ruleLimits(), clock);
        var ruleValidator = new RuleValidator(metadata, sandbox);
        this.ruleRegistry = new RuleRegistry(config.rulesDir(), ruleValidator);
        var settings = config.jobs();
        this.rulePlanners = new RulePlanners(sandbox, ruleValidator, validator);
        this.jobScheduler = new JobScheduler(db, jobRepository,
                new ChunkRunner(db, jobRepository, metadata, users, records, validator, updater, rulePlanners, clock, settings.nodeName()),
                new JobScheduler.Settings(settings.heartbeat(), settings.polling(), settings.threads(), settings.nodeName()));
        this.jobService = new JobService(db, metadata, jobRepository, records, recordService, selections, validator, jobScheduler, users, clock);
        jobService.onCancelled(rulePlanners::cancelJob);
        this.scheduleTrigger = new ScheduleTrigger(ruleRegistry, new RuleFireRepository(db), jobService, clock);
        var ruleQueue = new RuleQueue(db, jobRepository, jobService, jobScheduler, ruleRegistry, config.webhookQueueLimit(), clock);
        jobScheduler.onChunkEnded(ruleQueue::chunkEnded);
        // the recurring tick also starts waiting runs whose turn a node that died left unstarted
        jobScheduler.onRuleScheduleTick(() -> {
            scheduleTrigger.run();
            ruleQueue.promoteAll();
        });
        var webhookSecrets = new WebhookSecrets(db, clock);
        this.hookApi = new HookApi(new WebhookService(ruleRegistry, webhookSecrets, new WebhookDeliveryRepository(db, clock), ruleQueue, clock));
        var sessions = new Sessions(new SessionRepository(db), new LoginFailureRepository(db), users, clock, config.sessionIdle());
        var authenticator = new Authenticator(tokens, users, sessions);
        this.accessGate = new AccessGate(authenticator, metadata);
        this.zohoApi = new ZohoApi(metadata, users, views, records, recordService,
                new References(db, metadata, users), selections, massUpdates, jobService,
                new ChangeOwnerService(db, metadata, users, records, updater, clock), clock.getZone());
        this.adminApi = new AdminApi(authenticator, sessions, metadata, users, tokens, jobService,
                new PreviewService(db, jobService, validator, records, updater, rulePlanners, clock), ruleRegistry, webhookSecrets,
                new ViewService(views, selections, records, metadata, users, clock), clock);
    }

    public static App create(Config config, Clock clock) {
        return new App(config, clock);
    }

    /**
     * Migrates the schema, loads metadata and creates the record tables; seeds the demo data when
     * asked, before the record indexes exist, since loading 60,000 rows into indexed tables takes
     * several times longer.
     */
    public void prepareDatabase() {
        db.migrate();
        metadata.reload();
        var schema = new RecordSchema(db);
        schema.createTables(metadata.modules());
        if (config.demo()) {
            long started = System.nanoTime();
            if (new DemoData(db, clock).seedIfEmpty()) LOG.info("demo data seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        schema.createIndexes(metadata.modules());
    }

    /** Starts HTTP at once (health answers 503), then prepares the database and turns ready. Returns the port. */
    public int start() {
        server = Javalin.create(cfg -> {
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrorHandler(SECURITY_HEADERS)));
            // the admin UI (web/ at the repository root, copied into the jar); "/" answers index.html
            cfg.staticFiles.add(web -> {
                web.hostedPath = "/";
                web.directory = "/web";
                web.location = Location.CLASSPATH;
                web.headers = Map.of("Cache-Control", "no-cache");
                // the pages themselves are public; everything they show comes from the API
                web.roles = java.util.Set.of(Access.open());
            });
            cfg.routes.before(this::gate);
            cfg.routes.beforeMatched(accessGate::check);
            cfg.routes.beforeMatched(Utf8Body::require);
            cfg.routes.get("/health", this::health, Access.open());
            cfg.routes.get("/health/ready", this::healthReady, Access.open());
            zohoApi.register(cfg.routes);
            adminApi.register(cfg.routes);
            hookApi.register(cfg.routes);
            cfg.routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, translate(e)));
            cfg.routes.exception(io.sweep.db.QueryTimeoutException.class, (e, ctx) -> render(ctx, new ApiException(ErrorCode.QUERY_TIMEOUT,
                    Map.of("limit_name", "read_timeout_seconds", "limit", String.valueOf(e.seconds())))));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (clientWentAway(e)) {
                    // nobody is left to answer; a slow or dropped client is not a server failure
                    LOG.info("client went away during {} {}: {}", ctx.method(), ctx.path(), String.valueOf(e.getMessage()));
                    return;
                }
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                render(ctx, new ApiException(ErrorCode.INTERNAL_ERROR));
            });
        }).start();
        prepareDatabase();
        if (config.bootstrapToken() != null) {
            var admin = users.byEmail(ADMIN_EMAIL).orElseThrow(() -> new IllegalStateException("the seeded admin user is missing"));
            tokens.ensure(admin.id(), config.bootstrapToken(), Scopes.of(Scopes.ALL_SCOPES));
        }
        ruleRegistry.start();
        jobScheduler.start();
        ready.set(true);
        LOG.info("Sweep ready on port {}", server.port());
        return server.port();
    }

    public int port() {
        return server.port();
    }

    /** A route as Javalin's router holds it, with the access it was registered with (null when none). */
    public record Route(String method, String path, Access access) {}

    /** Every HTTP route the server answers, read from Javalin's router in registration order. */
    public java.util.List<Route> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> {
                    var roles = e.metadata(io.javalin.security.Roles.class);
                    Access access = roles == null ? null : roles.getRoles().stream()
                            .filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(null);
                    return new Route(e.method.name(), e.path, access);
                })
                .toList();
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

    /** Signs a user out of every browser (after their password changed). */
    public void endSessionsOf(long userId) {
        new SessionRepository(db).deleteForUser(userId);
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

    /** Where rule scripts run; it counts the scripts that did not stop and were left behind. */
    public RuleSandbox ruleSandbox() {
        return sandbox;
    }

    /** What fires rules on their cron schedule; the scheduler runs it every few seconds on one node at a time. */
    public ScheduleTrigger scheduleTrigger() {
        return scheduleTrigger;
    }

    /**
     * Sent with every response: the UI's pages may run only their own scripts and styles, talk
     * only to this server, and not be framed; browsers must not guess content types.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY");

    private void gate(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (!ready.get() && !ctx.path().equals("/health") && !ctx.path().equals("/health/ready")) {
            ctx.status(503).contentType("application/json; charset=utf-8").result("{\"status\":\"starting\"}");
            ctx.skipRemainingHandlers();
            return;
        }
        long length = ctx.contentLength();
        if (length > config.maxBodyBytes()) {
            discardModestBody(ctx, length);
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, Map.of("max_bytes", config.maxBodyBytes()));
        }
    }

    /**
     * A client still sending when the server answers and closes sees a reset instead of the 413.
     * Reading a body of a few times the limit costs little and lets the client read the answer;
     * anything bigger is cut off.
     */
    private void discardModestBody(Context ctx, long length) {
        if (length > 8 * config.maxBodyBytes()) return;
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            LOG.debug("client went away while sending an oversized body", e);
        }
    }

    private void health(Context ctx) {
        ctx.status(ready.get() ? 200 : 503).contentType("application/json; charset=utf-8")
                .result(ready.get() ? "{\"status\":\"ready\"}" : "{\"status\":\"starting\"}");
    }

    /** How long {@code /health/ready} waits for the database before it answers 503. */
    static final java.time.Duration READY_PROBE = java.time.Duration.ofSeconds(3);

    /** Ready for work: started, and the database answers a query within {@link #READY_PROBE}. */
    private void healthReady(Context ctx) {
        if (!ready.get()) {
            health(ctx);
            return;
        }
        if (!db.reachable(READY_PROBE)) {
            throw new ApiException(ErrorCode.NOT_READY, Map.of("waited_seconds", READY_PROBE.toSeconds()));
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result("{\"status\":\"ready\"}");
    }

    /** A request body cut off by the client (Jetty's EofException is an EOFException), or a read that timed out. */
    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    private static ApiException translate(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new ApiException(ErrorCode.INVALID_URL_PATTERN);
            case 405 -> new ApiException(ErrorCode.INVALID_REQUEST_METHOD);
            case 413 -> new ApiException(ErrorCode.BODY_TOO_LARGE);
            case 400 -> new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE);
            default -> new ApiException(ErrorCode.INTERNAL_ERROR);
        };
    }

    private static void render(Context ctx, ApiException e) {
        if ((e.error() == ErrorCode.TOO_MANY_ATTEMPTS || e.error() == ErrorCode.WEBHOOK_QUEUE_FULL) && e.details().get("retry_after_seconds") != null) {
            ctx.header("Retry-After", String.valueOf(e.details().get("retry_after_seconds")));
        }
        ctx.status(e.error().httpStatus()).contentType("application/json; charset=utf-8").result(Json.write(ErrorRenderer.body(e)));
    }

    @Override
    public void close() {
        if (server != null) server.stop();
        if (ready.get()) {
            jobScheduler.stop();
            ruleRegistry.close();
        }
        rulePlanners.close();
        sandbox.close();
        db.close();
    }
}
