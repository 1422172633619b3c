package io.sweep.notify;

import io.sweep.hooks.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs one event, signed as Sweep's incoming webhooks are ({@link WebhookSignature}: the
 * timestamp of this attempt with the body), and says what came back. Redirects are not followed:
 * a receiver that moved is told so by a failed delivery, not by Sweep posting elsewhere.
 */
final class EventSender {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** The start of an answer kept with the attempt: enough to read an error, never a whole page. */
    static final int EXCERPT_BYTES = 1000;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What an attempt got: the receiver's status (null when none) and its answer's start, or why there was no answer. */
    record Outcome(Integer httpStatus, String response) {
        boolean delivered() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    record Post(String url, String secret, long deliveryId, int attempt, String payload, long timestamp) {}

    Outcome send(Post post) {
        byte[] body = post.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(post.url()))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Sweep")
                    .header("X-Sweep-Event", JobEvent.TYPE)
                    .header("X-Sweep-Delivery", String.valueOf(post.deliveryId()))
                    .header("X-Sweep-Attempt", String.valueOf(post.attempt()))
                    .header("X-Sweep-Signature", WebhookSignature.header(post.secret(), post.timestamp(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "invalid URL: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Outcome(response.statusCode(), new String(in.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted: the node is stopping");
        }
    }
}
