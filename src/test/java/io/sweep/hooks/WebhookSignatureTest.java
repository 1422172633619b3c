package io.sweep.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"ids\":[\"1\"]}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-29T14:05:09Z");

    @Test
    void a_signature_of_the_body_and_a_fresh_timestamp_is_valid() {
        String header = WebhookSignature.header("s3cret", NOW.getEpochSecond() - 10, BODY);
        assertThat(WebhookSignature.verify(header, BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.VALID);
    }

    @Test
    void a_changed_body_or_another_secret_is_wrong() {
        String header = WebhookSignature.header("s3cret", NOW.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(header, "{\"ids\":[\"2\"]}".getBytes(StandardCharsets.UTF_8), List.of("s3cret"), NOW))
                .isEqualTo(WebhookSignature.Verdict.WRONG);
        assertThat(WebhookSignature.verify(header, BODY, List.of("other"), NOW)).isEqualTo(WebhookSignature.Verdict.WRONG);
    }

    @Test
    void the_idempotency_key_is_signed_so_another_key_or_none_is_wrong() {
        String header = WebhookSignature.header("s3cret", NOW.getEpochSecond(), "order-7", BODY);
        assertThat(WebhookSignature.verify(header, "order-7", BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(WebhookSignature.verify(header, "order-8", BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.WRONG);
        assertThat(WebhookSignature.verify(header, null, BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.WRONG);
        String unkeyed = WebhookSignature.header("s3cret", NOW.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(unkeyed, "order-7", BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.WRONG);
    }

    @Test
    void the_signed_string_with_a_key_is_the_timestamp_the_key_and_the_body_joined_by_dots() throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String documented = java.util.HexFormat.of().formatHex(
                mac.doFinal((NOW.getEpochSecond() + ".order-7." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSignature.header("s3cret", NOW.getEpochSecond(), "order-7", BODY)).isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + documented);
    }

    @Test
    void a_timestamp_older_than_five_minutes_is_a_replay() {
        String header = WebhookSignature.header("s3cret", NOW.getEpochSecond() - 301, BODY);
        assertThat(WebhookSignature.verify(header, BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.EXPIRED);
        String future = WebhookSignature.header("s3cret", NOW.getEpochSecond() + 301, BODY);
        assertThat(WebhookSignature.verify(future, BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.EXPIRED);
    }

    @Test
    void missing_and_garbled_headers_are_refused() {
        assertThat(WebhookSignature.verify(null, BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(WebhookSignature.verify("", BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.MISSING);
        for (String garbled : List.of("t=abc,v1=00", "v1=00", "t=1", "nonsense", "t=1,v1", "x".repeat(2000))) {
            assertThat(WebhookSignature.verify(garbled, BODY, List.of("s3cret"), NOW)).as(garbled).isEqualTo(WebhookSignature.Verdict.MALFORMED);
        }
        String notHex = "t=" + NOW.getEpochSecond() + ",v1=zz";
        assertThat(WebhookSignature.verify(notHex, BODY, List.of("s3cret"), NOW)).isEqualTo(WebhookSignature.Verdict.WRONG);
    }

    @Test
    void during_a_rotation_either_secret_verifies() {
        String oldSigned = WebhookSignature.header("old", NOW.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(oldSigned, BODY, List.of("new", "old"), NOW)).isEqualTo(WebhookSignature.Verdict.VALID);
    }
}
