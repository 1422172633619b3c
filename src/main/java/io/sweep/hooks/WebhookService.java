package io.sweep.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.jobs.Job;
import io.sweep.jobs.RuleQueue;
import io.sweep.jobs.Trigger;
import io.sweep.json.Json;
import io.sweep.rules.Rule;
import io.sweep.rules.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /hooks/{rule}} (SPEC §4): a signed request starts a run of a rule whose
 * {@code triggers.webhook} is on, with the JSON body as {@code ctx.params}. Every accepted delivery
 * gets a job of its own at once; while the rule has a job it waits its turn ({@link RuleQueue}), so
 * none is lost. With an {@code Idempotency-Key} (which is signed), repeats within 24 hours answer
 * the first job instead of starting another, and the key with another body is refused; without one,
 * the same signed request (timestamp and body) is accepted once: a captured request sent again
 * within the 5-minute window is a replay and is refused.
 */
public final class WebhookService {
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);
    private static final int MAX_KEY_LENGTH = 200;

    private final RuleRegistry rules;
    private final WebhookSecrets secrets;
    private final WebhookDeliveryRepository deliveries;
    private final RuleQueue queue;
    private final Clock clock;

    public WebhookService(RuleRegistry rules, WebhookSecrets secrets, WebhookDeliveryRepository deliveries, RuleQueue queue, Clock clock) {
        this.rules = rules;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    /** Verifies and starts, queues or finds the job; returns its id. */
    public long deliver(String ruleId, String signature, String idempotencyKey, byte[] body) {
        // an unknown rule and a rule that webhooks do not start look alike: both are not found
        Rule rule = rules.rule(ruleId).filter(r -> r.triggers().webhook())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, Map.of("rule", ruleId), "no rule with a webhook trigger has this name"));
        boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
        // SPEC §4 signs t + "." + body; a sender may also sign its Idempotency-Key (t + "." + key + "." + body)
        boolean keySigned = keyed && WebhookSignature.verify(signature, idempotencyKey, body, secrets.valid(ruleId), Instant.now(clock))
                == WebhookSignature.Verdict.VALID;
        if (!keySigned) {
            var verdict = WebhookSignature.verify(signature, null, body, secrets.valid(ruleId), Instant.now(clock));
            if (verdict == WebhookSignature.Verdict.EXPIRED) throw new ApiException(ErrorCode.SIGNATURE_EXPIRED);
            if (verdict != WebhookSignature.Verdict.VALID) throw new ApiException(ErrorCode.SIGNATURE_INVALID);
        }
        Map<String, JsonNode> params = params(body);
        String bodyHash = sha256(body);
        if (!keyed) {
            // a signed request is delivered once; the same request again is a replay
            String signed = signedRequestKey(signature, body);
            if (!deliveries.claim(ruleId, signed, bodyHash)) throw new ApiException(ErrorCode.SIGNATURE_REPLAYED);
            return start(rule, params, List.of(signed));
        }
        String key = truncate(idempotencyKey);
        if (keySigned) return startOnce(rule, params, key, bodyHash, List.of());
        // the key is not signed: this signed request may start one job, under the first key it came with;
        // sent again with another key (a captured request replayed to start another job) it is refused
        String signed = signedRequestKey(signature, body);
        if (!deliveries.claim(ruleId, signed, bodyHash)) {
            if (deliveries.jobOf(ruleId, key).isPresent() || deliveries.held(ruleId, key)) {
                return startOnce(rule, params, key, bodyHash, List.of());
            }
            throw new ApiException(ErrorCode.SIGNATURE_REPLAYED);
        }
        try {
            return startOnce(rule, params, key, bodyHash, List.of(signed));
        } catch (RuntimeException e) {
            deliveries.release(ruleId, signed);
            throw e;
        }
    }

    /** The first delivery with this Idempotency-Key starts the job; a repeat with the same body answers it. */
    private long startOnce(Rule rule, Map<String, JsonNode> params, String key, String bodyHash, List<String> alsoClaimed) {
        String ruleId = rule.id();
        if (!deliveries.claim(ruleId, key, bodyHash)) {
            if (!deliveries.sameBody(ruleId, key, bodyHash)) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, Map.of("idempotency_key", key));
            }
            return firstJob(ruleId, key);
        }
        var claimed = new java.util.ArrayList<>(alsoClaimed);
        claimed.add(key);
        return start(rule, params, claimed);
    }

    /** Queues the rule's job and records it under every key this delivery claimed (released if it cannot start). */
    private long start(Rule rule, Map<String, JsonNode> params, List<String> claimed) {
        try {
            Job job = queue.enqueue(rule, params, Trigger.WEBHOOK);
            claimed.forEach(k -> deliveries.recordJob(rule.id(), k, job.id()));
            return job.id();
        } catch (RuntimeException e) {
            claimed.forEach(k -> deliveries.release(rule.id(), k));
            throw e;
        }
    }

    private static String truncate(String key) {
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** What makes a signed request the same request: its timestamp and its body (the signature follows from them). */
    private static String signedRequestKey(String signature, byte[] body) {
        long timestamp = WebhookSignature.parse(signature).orElseThrow().timestamp();
        return "signed-request:" + timestamp + ":" + sha256(body);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A duplicate arriving while the first request is still starting its job waits for it, briefly. */
    private long firstJob(String ruleId, String key) {
        Instant deadline = Instant.now().plus(WAIT_FOR_FIRST);
        while (Instant.now().isBefore(deadline)) {
            var job = deliveries.jobOf(ruleId, key);
            if (job.isPresent()) return job.get();
            if (!deliveries.held(ruleId, key)) throw firstRequestFailed(key);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ApiException(ErrorCode.ALREADY_SCHEDULED, Map.of("idempotency_key", key), "a request with this Idempotency-Key is still being handled");
    }

    /** The first request failed and freed the key: the sender may simply send again. */
    private static ApiException firstRequestFailed(String key) {
        return new ApiException(ErrorCode.INVALID_JOB_STATE, Map.of("idempotency_key", key),
                "the first request with this Idempotency-Key failed; send it again");
    }

    private static Map<String, JsonNode> params(byte[] body) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        if (body.length == 0) return params;
        JsonNode json = Json.parseBody(new String(body, StandardCharsets.UTF_8));
        if (!json.isObject()) throw new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE, Map.of(), "the body must be a JSON object");
        json.properties().forEach(e -> params.put(e.getKey(), e.getValue()));
        return params;
    }
}
