package io.sweep.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit entry records; {@link #wireName()} is what is stored and what {@code ?kind=} filters on. */
public enum AuditKind {
    SIGN_IN("session.sign_in"),
    SIGN_IN_FAILED("session.sign_in_failed"),
    SIGN_OUT("session.sign_out"),
    TOKEN_CREATE("token.create"),
    TOKEN_REVOKE("token.revoke"),
    USER_ADD("user.add"),
    USER_PASSWORD("user.password"),
    USER_ACTIVATE("user.activate"),
    USER_DEACTIVATE("user.deactivate"),
    RULE_CHANGE("rule.change"),
    WEBHOOK_SECRET_ROTATE("webhook_secret.rotate"),
    JOB_START("job.start"),
    JOB_CANCEL("job.cancel"),
    JOB_UNDO("job.undo"),
    WEBHOOK_ACCEPT("webhook.accept"),
    WEBHOOK_REFUSE("webhook.refuse");

    private final String wireName;

    AuditKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AuditKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
