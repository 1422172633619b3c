package io.sweep.api.hooks;

import io.javalin.config.RoutesConfig;
import io.sweep.api.Access;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.hooks.WebhookService;
import io.sweep.json.Json;

/** The route table of webhooks: {@code POST /hooks/{rule}} → 202 {@code {"job_id"}}. */
public final class HookApi {
    private final WebhookService webhooks;

    public HookApi(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public void register(RoutesConfig routes) {
        // no caller: the rule's webhook secret signs the request (checked by the webhook service)
        routes.post("/hooks/{rule}", this::deliver, Access.open());
    }

    private void deliver(Context ctx) {
        long jobId = webhooks.deliver(ctx.pathParam("rule"), ctx.header("X-Sweep-Signature"), ctx.header("Idempotency-Key"), ctx.bodyAsBytes());
        JsonResponse.send(ctx, 202, Json.object().put("job_id", String.valueOf(jobId)));
    }
}
