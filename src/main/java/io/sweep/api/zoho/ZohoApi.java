package io.sweep.api.zoho;

import io.javalin.config.RoutesConfig;
import io.sweep.auth.Authenticator;
import io.sweep.auth.UserRepository;
import io.sweep.crm.CustomViewRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.RecordRepository;
import io.sweep.jobs.JobService;
import io.sweep.massupdate.MassUpdateService;
import io.sweep.records.RecordService;
import io.sweep.records.References;
import io.sweep.records.Selections;

/** The route table of the Zoho-compatible surface, {@code /crm/v2}. Specific paths come before {@code {module}/{id}}. */
public final class ZohoApi {
    private final MassUpdateRoutes massUpdate;
    private final SettingsRoutes settings;
    private final RecordRoutes records;

    public ZohoApi(Authenticator authenticator, Metadata metadata, UserRepository users, CustomViewRepository views,
                   RecordRepository recordRepository, RecordService recordService, References references,
                   Selections selections, MassUpdateService massUpdateService, JobService jobService) {
        var zoho = new ZohoContext(authenticator, metadata);
        var writeDetails = new WriteDetails(recordRepository, users);
        this.massUpdate = new MassUpdateRoutes(zoho, massUpdateService, jobService, writeDetails);
        this.settings = new SettingsRoutes(zoho, metadata, new CustomViewRoutes(views));
        this.records = new RecordRoutes(zoho, recordService, references, selections, writeDetails);
    }

    public void register(RoutesConfig routes) {
        routes.get("/crm/v2/settings/modules", settings::modules);
        routes.get("/crm/v2/settings/fields", settings::fields);
        routes.get("/crm/v2/settings/custom_views", settings::customViews);
        routes.get("/crm/v2/settings/custom_views/{id}", settings::customView);
        routes.post("/crm/v2/{module}/actions/mass_update", massUpdate::post);
        routes.get("/crm/v2/{module}/actions/mass_update", massUpdate::status);
        routes.get("/crm/v2/{module}/search", records::search);
        routes.get("/crm/v2/{module}", records::list);
        routes.post("/crm/v2/{module}", records::insert);
        routes.put("/crm/v2/{module}", records::updateMany);
        routes.delete("/crm/v2/{module}", records::delete);
        routes.get("/crm/v2/{module}/{id}", records::get);
        routes.put("/crm/v2/{module}/{id}", records::updateOne);
        routes.delete("/crm/v2/{module}/{id}", records::deleteOne);
    }
}
