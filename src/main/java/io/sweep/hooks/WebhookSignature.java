package io.sweep.hooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Sweep-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, the
 * scheme of SPEC §4: the timestamp is signed with the body, so a captured request cannot be
 * replayed after the window, nor its body changed. A request with an {@code Idempotency-Key} signs
 * {@code t + "." + key + "." + body}: the key is signed too, so a captured request sent again with
 * another key (to start another job) does not verify.
 */
public final class WebhookSignature {
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private WebhookSignature() {}

    public enum Verdict { VALID, MISSING, MALFORMED, WRONG, EXPIRED }

    public record Parsed(long timestamp, List<String> signatures) {}

    /** Several {@code v1=} entries are allowed (a sender signing with the old and the new secret while rotating). */
    public static Optional<Parsed> parse(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) return Optional.empty();
        Long t = null;
        var signatures = new java.util.ArrayList<String>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) return Optional.empty();
            switch (kv[0].trim()) {
                case "t" -> {
                    try {
                        t = Long.parseLong(kv[1].trim());
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
                case "v1" -> signatures.add(kv[1].trim().toLowerCase(java.util.Locale.ROOT));
                default -> { /* other schemes are ignored, as senders may add them */ }
            }
        }
        return t == null || signatures.isEmpty() ? Optional.empty() : Optional.of(new Parsed(t, List.copyOf(signatures)));
    }

    public static Verdict verify(String header, byte[] body, List<String> secrets, Instant now) {
        return verify(header, null, body, secrets, now);
    }

    /** {@code idempotencyKey} null when the request has none. */
    public static Verdict verify(String header, String idempotencyKey, byte[] body, List<String> secrets, Instant now) {
        if (header == null || header.isBlank()) return Verdict.MISSING;
        var parsed = parse(header);
        if (parsed.isEmpty()) return Verdict.MALFORMED;
        long age = now.getEpochSecond() - parsed.get().timestamp();
        if (Math.abs(age) > REPLAY_WINDOW.toSeconds()) return Verdict.EXPIRED;
        for (String secret : secrets) {
            byte[] expected = sign(secret, parsed.get().timestamp(), idempotencyKey, body);
            for (String given : parsed.get().signatures()) {
                byte[] candidate;
                try {
                    candidate = HexFormat.of().parseHex(given);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                // constant time: the comparison must not tell an attacker how many bytes matched
                if (MessageDigest.isEqual(expected, candidate)) return Verdict.VALID;
            }
        }
        return Verdict.WRONG;
    }

    public static byte[] sign(String secret, long timestamp, byte[] body) {
        return sign(secret, timestamp, null, body);
    }

    /** The HMAC of {@code t + "." + body}, or of {@code t + "." + idempotencyKey + "." + body} when there is a key. */
    public static byte[] sign(String secret, long timestamp, String idempotencyKey, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            if (idempotencyKey != null) mac.update((idempotencyKey + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The header value a sender puts on a request (used by the CLI and tests, and documented in the README). */
    public static String header(String secret, long timestamp, byte[] body) {
        return header(secret, timestamp, null, body);
    }

    /** The header value of a request sent with this {@code Idempotency-Key} (null: none). */
    public static String header(String secret, long timestamp, String idempotencyKey, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(secret, timestamp, idempotencyKey, body));
    }
}
