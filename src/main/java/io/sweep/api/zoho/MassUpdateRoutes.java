package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.crm.Activities;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.jobs.Job;
import io.sweep.jobs.JobService;
import io.sweep.json.Json;
import io.sweep.massupdate.MassUpdateParser;
import io.sweep.massupdate.MassUpdateService;
import java.util.Map;

/** {@code /crm/v2/{module}/actions/mass_update}: translates HTTP to the mass update service and back. */
final class MassUpdateRoutes {
    private final ZohoContext zoho;
    private final MassUpdateService service;
    private final JobService jobs;
    private final WriteDetails writeDetails;

    MassUpdateRoutes(ZohoContext zoho, MassUpdateService service, JobService jobs, WriteDetails writeDetails) {
        this.zoho = zoho;
        this.service = service;
        this.jobs = jobs;
        this.writeDetails = writeDetails;
    }

    /** Job status (SPEC §1.3); a job of another module is as unknown as a job that does not exist. */
    void status(Context ctx) {
        var call = zoho.call(ctx);
        String jobId = ctx.queryParam("job_id");
        if (jobId == null || jobId.isBlank()) throw new ApiException(ErrorCode.MANDATORY_PARAM_MISSING, Map.of("param_name", "job_id"));
        Job job;
        try {
            job = jobs.visibleJob(call.principal(), jobId.trim());
        } catch (ApiException e) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        if (job.moduleId() != call.module().id()) throw new ApiException(ErrorCode.NOT_FOUND);
        ObjectNode body = Json.object();
        ObjectNode status = body.putArray("data").addObject();
        status.put("Status", job.status().name());
        status.put("Failed_Count", job.failedCount());
        status.put("Updated_Count", job.updatedCount());
        status.put("Not_Updated_Count", job.notUpdatedCount());
        status.put("Total_Count", job.totalCount());
        JsonResponse.send(ctx, 200, body);
    }

    void post(Context ctx) {
        var call = zoho.call(ctx);
        var request = MassUpdateParser.parse(ZohoContext.body(ctx));
        if (Activities.is(call.module())) {
            var result = service.updateActivitiesByIds(call.principal(), call.module(), zoho.activityParts(), request);
            ByIdsAnswer.send(ctx, writeDetails, call.principal().user().id(), result);
            return;
        }
        if (!request.byIds()) {
            Job job = jobs.scheduleByCvid(call.principal(), call.module(), request);
            ObjectNode body = Json.object();
            ObjectNode entry = body.putArray("data").addObject();
            entry.put("code", "SUCCESS");
            entry.putObject("details").put("job_id", String.valueOf(job.id()));
            entry.put("message", "mass update scheduled successfully");
            entry.put("status", "success");
            JsonResponse.send(ctx, 200, body);
            return;
        }
        ByIdsAnswer.send(ctx, writeDetails, call.principal().user().id(), service.updateByIds(call.principal(), call.module(), request));
    }
}
