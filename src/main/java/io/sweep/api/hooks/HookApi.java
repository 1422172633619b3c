package io.sweep.api.hooks;

import io.javalin.config.RoutesConfig;
import io.sweep.api.Access;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sweep.api.JsonResponse;
import io.sweep.errors.ApiException;
import io.sweep.hooks.WebhookService;
import io.sweep.json.Json;

/**
 * The route table of webhooks: {@code POST /hooks/{rule}} → 202 {@code {"job_id"}}. Counts the
 * deliveries accepted and those refused, by the refusal's code (a bad signature, an unknown rule,
 * a full queue are told apart).
 */
public final class HookApi {
    private static final String DELIVERIES = "sweep.webhook.deliveries";
    private final WebhookService webhooks;
    private final MeterRegistry meters;

    public HookApi(WebhookService webhooks, MeterRegistry meters) {
        this.webhooks = webhooks;
        this.meters = meters;
    }

    public void register(RoutesConfig routes) {
        // no caller: the rule's webhook secret signs the request (checked by the webhook service)
        routes.post("/hooks/{rule}", this::deliver, Access.open());
    }

    private void deliver(Context ctx) {
        long jobId;
        try {
            jobId = webhooks.deliver(ctx.pathParam("rule"), ctx.header("X-Sweep-Signature"), ctx.header("Idempotency-Key"), ctx.bodyAsBytes());
        } catch (ApiException e) {
            count("refused", e.error().code());
            throw e;
        }
        count("accepted", "none");
        JsonResponse.send(ctx, 202, Json.object().put("job_id", String.valueOf(jobId)));
    }

    private void count(String result, String code) {
        Counter.builder(DELIVERIES).description("Webhook deliveries, accepted or refused (with the refusal's code)")
                .tag("result", result).tag("code", code).register(meters).increment();
    }
}
