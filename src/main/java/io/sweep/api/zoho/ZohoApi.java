package io.sweep.api.zoho;

import io.javalin.config.RoutesConfig;
import io.sweep.api.Access;
import io.sweep.auth.UserRepository;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.RecordRepository;
import io.sweep.jobs.JobService;
import io.sweep.massupdate.ChangeOwnerService;
import io.sweep.massupdate.MassUpdateService;
import io.sweep.records.RecordService;
import io.sweep.records.References;
import io.sweep.records.Selections;

/**
 * The route table of the Zoho-compatible surface, {@code /crm/v2}, with the scope each route
 * needs. Specific paths come before {@code {module}/{id}}.
 */
public final class ZohoApi {
    private final MassUpdateRoutes massUpdate;
    private final SettingsRoutes settings;
    private final RecordRoutes records;
    private final ZohoContext zoho;
    private final UserDirectoryRoutes userDirectory;
    private final ChangeOwnerRoutes changeOwner;
    private final OrgRoutes org;

    public ZohoApi(Metadata metadata, UserRepository users, CustomViewRepository views,
                   RecordRepository recordRepository, RecordService recordService, References references,
                   Selections selections, MassUpdateService massUpdateService, JobService jobService,
                   ChangeOwnerService changeOwnerService, java.time.ZoneId orgTimeZone) {
        this.zoho = new ZohoContext(metadata);
        var writeDetails = new WriteDetails(recordRepository, users);
        this.massUpdate = new MassUpdateRoutes(zoho, massUpdateService, jobService, writeDetails);
        this.settings = new SettingsRoutes(zoho, metadata, new CustomViewRoutes(views, users));
        this.records = new RecordRoutes(zoho, recordService, references, selections, writeDetails);
        this.userDirectory = new UserDirectoryRoutes(zoho, users);
        this.changeOwner = new ChangeOwnerRoutes(zoho, changeOwnerService, writeDetails);
        this.org = new OrgRoutes(users, orgTimeZone);
    }

    public void register(RoutesConfig routes) {
        fixedGet(routes, "/crm/v2/settings/modules", settings::modules, Access.scopes("ZohoCRM.settings.modules.READ"));
        fixedGet(routes, "/crm/v2/settings/fields", settings::fields, Access.scopes("ZohoCRM.settings.fields.READ"));
        fixedGet(routes, "/crm/v2/settings/layouts", settings::layouts, Access.scopes("ZohoCRM.settings.layouts.READ"));
        fixedGet(routes, "/crm/v2/org", org::get, Access.scopes("ZohoCRM.org.READ"));
        fixedGet(routes, "/crm/v2/settings/custom_views", settings::customViews, Access.scopes("ZohoCRM.settings.custom_views.READ"));
        fixedGet(routes, "/crm/v2/settings/custom_views/{id}", settings::customView, Access.scopes("ZohoCRM.settings.custom_views.READ"));
        fixedGet(routes, "/crm/v2/settings/territories", userDirectory::territories, Access.scopes("ZohoCRM.settings.territories.READ"));
        fixedGet(routes, "/crm/v2/users", userDirectory::list, Access.scopes("ZohoCRM.users.READ"));
        fixedGet(routes, "/crm/v2/users/{id}", userDirectory::one, Access.scopes("ZohoCRM.users.READ"));
        routes.post("/crm/v2/{module}/actions/mass_update", massUpdate::post, inModule("ZohoCRM.mass_update.{module}.UPDATE"));
        routes.get("/crm/v2/{module}/actions/mass_update", massUpdate::status, inModule("ZohoCRM.mass_update.{module}.READ"));
        routes.post("/crm/v2/{module}/actions/change_owner", changeOwner::many, inStoredModule("ZohoCRM.modules.{module}.UPDATE"));
        routes.post("/crm/v2/{module}/{id}/actions/change_owner", changeOwner::one, inStoredModule("ZohoCRM.modules.{module}.UPDATE"));
        routes.get("/crm/v2/{module}/search", records::search, inStoredModule("ZohoCRM.modules.{module}.READ"));
        routes.get("/crm/v2/{module}", records::list, inModule("ZohoCRM.modules.{module}.READ"));
        routes.post("/crm/v2/{module}", records::insert, inStoredModule("ZohoCRM.modules.{module}.CREATE"));
        routes.put("/crm/v2/{module}", records::updateMany, inStoredModule("ZohoCRM.modules.{module}.UPDATE"));
        routes.delete("/crm/v2/{module}", records::delete, inStoredModule("ZohoCRM.modules.{module}.DELETE"));
        routes.get("/crm/v2/{module}/{id}", records::get, inModule("ZohoCRM.modules.{module}.READ"));
        routes.put("/crm/v2/{module}/{id}", records::updateOne, inStoredModule("ZohoCRM.modules.{module}.UPDATE"));
        routes.delete("/crm/v2/{module}/{id}", records::deleteOne, inStoredModule("ZohoCRM.modules.{module}.DELETE"));
    }

    /**
     * A path whose first segment is not a module (settings, users, org). It is remembered, so a
     * request for it with another method, which reaches a {@code {module}} route instead, answers
     * as a wrong method rather than as an unknown module.
     */
    private void fixedGet(RoutesConfig routes, String path, io.javalin.http.Handler handler, Access access) {
        routes.get(path, handler, access);
        zoho.fixedPath(path);
    }

    /** As {@link #inModule}, on a route the Activities view does not answer (NOT_SUPPORTED there). */
    private Access inStoredModule(String scope) {
        return Access.scopes(scope).module(zoho::storedPathModule);
    }

    /** A scope for the module of the path. */
    private Access inModule(String scope) {
        return Access.scopes(scope).module(zoho::pathModule);
    }
}
