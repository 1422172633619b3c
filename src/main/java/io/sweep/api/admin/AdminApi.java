package io.sweep.api.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sweep.api.Access;
import io.sweep.audit.AuditLog;
import io.sweep.auth.Authenticator;
import io.sweep.auth.Sessions;
import io.sweep.auth.Tokens;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.jobs.JobService;
import io.sweep.jobs.PreviewService;
import io.sweep.jobs.ScheduleTrigger;
import io.sweep.notify.Notifications;
import io.sweep.hooks.WebhookSecrets;
import io.sweep.records.RecordHistory;
import io.sweep.records.ViewService;
import io.sweep.rules.RuleEntry;
import io.sweep.rules.RuleRegistry;
import java.time.Clock;

/**
 * The route table of Sweep's own API, {@code /api}: the browser session, jobs (list, detail,
 * results, live progress, cancel, undo), previews, rules, custom views, users, API tokens, the
 * audit log, records' history and the endpoints told when a job ends.
 * Each route declares who may call it ({@link Access}); the README's security section lists them.
 */
public final class AdminApi {
    private final SessionRoutes session;
    private final JobRoutes jobs;
    private final PreviewRoutes previews;
    private final RuleRoutes rules;
    private final ViewRoutes views;
    private final UserRoutes users;
    private final TokenRoutes tokens;
    private final AuditRoutes audit;
    private final RecordHistoryRoutes history;
    private final NotificationRoutes notifications;
    private final AdminContext admin;
    private final RuleRegistry ruleRegistry;
    private final Metadata metadata;

    public AdminApi(Authenticator authenticator, Sessions sessions, Metadata metadata, UserRepository users, Tokens tokens, JobService jobService,
                    PreviewService previewService, RuleRegistry ruleRegistry, WebhookSecrets secrets, ViewService viewService, Clock clock,
                    AuditLog audit, RecordHistory recordHistory, Notifications notifications, ScheduleTrigger schedules) {
        this.admin = new AdminContext(metadata, jobService);
        this.ruleRegistry = ruleRegistry;
        this.metadata = metadata;
        var jobJson = new JobJson(metadata, users, clock, jobService, viewService::name);
        this.session = new SessionRoutes(authenticator, sessions, users);
        this.jobs = new JobRoutes(admin, jobService, jobJson);
        this.previews = new PreviewRoutes(admin, previewService);
        this.rules = new RuleRoutes(admin, ruleRegistry, jobService, jobJson, secrets, previewService, audit, schedules);
        this.views = new ViewRoutes(admin, viewService, metadata, users);
        this.users = new UserRoutes(admin, users, sessions, audit);
        this.tokens = new TokenRoutes(admin, tokens, metadata, clock, audit);
        this.audit = new AuditRoutes(audit);
        this.history = new RecordHistoryRoutes(admin, metadata, recordHistory, users);
        this.notifications = new NotificationRoutes(admin, notifications);
    }

    public void register(RoutesConfig routes) {
        String jobsRead = "ZohoCRM.mass_update.{module}.READ";
        String jobsUpdate = "ZohoCRM.mass_update.{module}.UPDATE";
        String recordsRead = "ZohoCRM.modules.{module}.READ";
        routes.post("/api/session", session::login, Access.open());
        routes.get("/api/session", session::current, Access.session());
        routes.delete("/api/session", session::logout, Access.session());
        routes.get("/api/jobs", jobs::list, Access.scopes(jobsRead).module(this::moduleParam));
        // a job's own module is checked once the job is known to be visible, so a foreign job stays a 404
        routes.get("/api/jobs/{id}", jobs::get, Access.scopes(jobsRead));
        routes.get("/api/jobs/{id}/results", jobs::results, Access.scopes(jobsRead));
        routes.get("/api/jobs/{id}/events", jobs::events, Access.scopes(jobsRead));
        routes.post("/api/jobs/{id}/cancel", jobs::cancel, Access.scopes(jobsUpdate));
        routes.post("/api/jobs/{id}/undo", jobs::undo, Access.scopes(jobsUpdate));
        // a preview shows the records' current values: it needs the module's read scope as well
        routes.post("/api/mass_update/preview", previews::preview, Access.scopes(jobsRead, recordsRead).module(this::moduleParam));
        routes.get("/api/rules", rules::list, Access.scopes("Sweep.rules.READ"));
        routes.get("/api/rules/{id}", rules::get, Access.scopes("Sweep.rules.READ"));
        routes.put("/api/rules/{id}", rules::put, RuleRoutes.EDIT);
        routes.post("/api/rules/{id}/run", rules::run, Access.scopes("Sweep.rules.READ", jobsUpdate).module(this::ruleModule));
        routes.post("/api/rules/{id}/preview", rules::preview, Access.scopes("Sweep.rules.READ", jobsRead, recordsRead).module(this::ruleModule));
        routes.post("/api/rules/{id}/webhook_secret", rules::rotateSecret, Access.administrator("Sweep.rules.ALL"));
        routes.get("/api/views", views::list, Access.scopes("ZohoCRM.settings.custom_views.READ"));
        routes.post("/api/views", views::create, Access.scopes("ZohoCRM.settings.custom_views.ALL"));
        routes.post("/api/views/count", views::count, Access.scopes("ZohoCRM.settings.custom_views.READ"));
        routes.get("/api/views/{id}", views::get, Access.scopes("ZohoCRM.settings.custom_views.READ"));
        routes.put("/api/views/{id}", views::update, Access.scopes("ZohoCRM.settings.custom_views.ALL"));
        routes.delete("/api/views/{id}", views::delete, Access.scopes("ZohoCRM.settings.custom_views.ALL"));
        routes.get("/api/users", users::list, Access.scopes("ZohoCRM.users.READ"));
        routes.post("/api/users", users::create, Access.administrator("Sweep.users.ALL"));
        routes.patch("/api/users/{id}", users::update, Access.administrator("Sweep.users.ALL"));
        routes.get("/api/profiles", users::profiles, Access.scopes("ZohoCRM.users.READ"));
        routes.get("/api/tokens", tokens::list, Access.scopes("Sweep.tokens.READ"));
        routes.post("/api/tokens", tokens::create, Access.scopes("Sweep.tokens.ALL"));
        routes.delete("/api/tokens/{id}", tokens::revoke, Access.scopes("Sweep.tokens.ALL"));
        routes.get("/api/scopes", tokens::scopes, Access.scopes("Sweep.tokens.READ"));
        // the audit log is read only, and only by administrators: no route changes or deletes an entry
        routes.get("/api/audit", audit::list, Access.administrator("Sweep.audit.READ"));
        // a record's history answers what its read does: the module's read scope, the record and fields the caller may see
        routes.get("/api/records/{module}/{id}/history", history::list, Access.scopes(recordsRead).module(history::pathModule));
        // endpoints receive every matching job's details, whoever ran it: administrators only
        routes.get("/api/notifications", notifications::list, Access.administrator("Sweep.notifications.READ"));
        routes.post("/api/notifications", notifications::create, Access.administrator("Sweep.notifications.ALL"));
        routes.delete("/api/notifications/{id}", notifications::delete, Access.administrator("Sweep.notifications.ALL"));
        routes.get("/api/notifications/{id}/deliveries", notifications::deliveries, Access.administrator("Sweep.notifications.READ"));
    }

    /** {@code ?module=}: absent is null (any module), unknown INVALID_MODULE. */
    private Module moduleParam(Context ctx) {
        return admin.moduleParam(ctx, false);
    }

    /** The module of the rule the path names; an unknown or broken rule names none (its handler answers for it). */
    private Module ruleModule(Context ctx) {
        return ruleRegistry.entry(ctx.pathParam("id")).map(RuleEntry::active)
                .flatMap(r -> metadata.module(r.module())).orElse(null);
    }
}
