package io.sweep.api.hooks;

import io.javalin.config.RoutesConfig;
import io.sweep.api.Access;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sweep.api.JsonResponse;
import io.sweep.audit.Actor;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.errors.ApiException;
import io.sweep.hooks.WebhookService;
import io.sweep.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The route table of webhooks: {@code POST /hooks/{rule}} → 202 {@code {"job_id"}}. Every delivery
 * goes to the audit log, accepted with its job or refused with the code the sender was answered,
 * and is counted for the metrics by that code (a bad signature, an unknown rule, a full queue are
 * told apart).
 */
public final class HookApi {
    private static final String DELIVERIES = "sweep.webhook.deliveries";
    private final WebhookService webhooks;
    private final AuditLog audit;
    private final MeterRegistry meters;

    public HookApi(WebhookService webhooks, AuditLog audit, MeterRegistry meters) {
        this.webhooks = webhooks;
        this.audit = audit;
        this.meters = meters;
    }

    public void register(RoutesConfig routes) {
        // no caller: the rule's webhook secret signs the request (checked by the webhook service)
        routes.post("/hooks/{rule}", this::deliver, Access.open());
    }

    private void deliver(Context ctx) {
        String rule = ctx.pathParam("rule");
        Actor sender = Actor.webhook(rule, ctx.ip());
        String key = ctx.header("Idempotency-Key");
        long jobId;
        try {
            jobId = webhooks.deliver(rule, ctx.header("X-Sweep-Signature"), key, ctx.bodyAsBytes());
        } catch (ApiException e) {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("code", e.error().code());
            why.put("reason", e.zohoMessage());
            why.put("idempotency_key", key);
            audit.record(sender, AuditKind.WEBHOOK_REFUSE, AuditLog.rule(rule), why);
            count("refused", e.error().code());
            throw e;
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("job_id", String.valueOf(jobId));
        what.put("idempotency_key", key);
        audit.record(sender, AuditKind.WEBHOOK_ACCEPT, AuditLog.rule(rule), what);
        count("accepted", "none");
        JsonResponse.send(ctx, 202, Json.object().put("job_id", String.valueOf(jobId)));
    }

    private void count(String result, String code) {
        Counter.builder(DELIVERIES).description("Webhook deliveries, accepted or refused (with the refusal's code)")
                .tag("result", result).tag("code", code).register(meters).increment();
    }
}
