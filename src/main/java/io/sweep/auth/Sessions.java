package io.sweep.auth;

import io.sweep.audit.Actor;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Browser logins: e-mail and password against the stored hash, throttled per e-mail and client
 * address together and, more loosely, per client address (counted in the database, so it holds
 * across nodes), and the sessions they start. Counting an e-mail's failures per address means
 * that someone guessing from elsewhere slows only themselves: the account's owner still signs in
 * from their own address. A session ends after {@link #idleTimeout()} without a request; expired rows are removed
 * lazily, when someone logs in.
 */
public final class Sessions {
    /** Failures older than this no longer count. */
    public static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
    /** Wrong passwords for one e-mail from one address. */
    public static final int MAX_FAILURES_PER_EMAIL_AND_ADDRESS = 5;
    /** Wrong logins from one address, whatever the e-mail: stops one address trying many accounts. */
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    /**
     * A request refreshes the session's last-seen time only when it is older than this, so a page
     * that polls does not write a row every second; a session may therefore end up to this much
     * before the full idle timeout.
     */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionRepository sessions;
    private final LoginFailureRepository failures;
    private final UserRepository users;
    private final Clock clock;
    private final Duration idleTimeout;
    private final AuditLog audit;
    private final MeterRegistry meters;

    public Sessions(SessionRepository sessions, LoginFailureRepository failures, UserRepository users, Clock clock, Duration idleTimeout,
                    AuditLog audit, MeterRegistry meters) {
        this.audit = audit;
        this.meters = meters;
        this.sessions = sessions;
        this.failures = failures;
        this.users = users;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** A live session: its user and its CSRF token. */
    public record Session(String idHash, User user, String csrfToken) {}

    /** A session just started, with the cookie value the browser keeps (shown only here). */
    public record Started(String cookieValue, Session session) {}

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Checks the password and starts a session. Unknown e-mail, inactive user and wrong password
     * answer alike (and take alike long); too many recent failures answer TOO_MANY_ATTEMPTS
     * without looking at the password.
     */
    public Started login(String email, String password, String clientAddress) {
        OffsetDateTime now = now();
        String key = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        String address = clientAddress == null ? "unknown" : clientAddress;
        failures.deleteOlderThan(now.minus(THROTTLE_WINDOW));
        long retryAfter = retryAfterSeconds(key, address, now);
        if (retryAfter > 0) {
            failed(key, address, login(key), "too many failed attempts");
            countFailure(ErrorCode.TOO_MANY_ATTEMPTS);
            throw new ApiException(ErrorCode.TOO_MANY_ATTEMPTS, Map.of("retry_after_seconds", retryAfter),
                    "Too many failed attempts; try again in " + retryAfter + " seconds.");
        }
        var login = login(key);
        boolean ok = login.isPresent()
                ? Passwords.verify(password == null ? "" : password, login.get().passwordHash()) && login.get().user().active()
                : decoy(password);
        if (!ok) {
            failures.record(key, address, now);
            failed(key, address, login, login.isPresent() && !login.get().user().active() ? "inactive user" : "wrong e-mail or password");
            countFailure(ErrorCode.INVALID_CREDENTIALS);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS);
        }
        failures.clearEmailAt(key, address);
        sessions.deleteIdleSince(now.minus(idleTimeout));
        String cookie = randomHex();
        String csrf = randomHex();
        String hash = Tokens.hash(cookie);
        sessions.insert(new SessionRepository.Row(hash, login.get().user().id(), csrf, now, now));
        User user = login.get().user();
        audit.record(Actor.user(user.id(), user.email(), address), AuditKind.SIGN_IN, AuditLog.user(user.id()));
        return new Started(cookie, new Session(hash, login.get().user(), csrf));
    }

    private Optional<UserRepository.Login> login(String key) {
        return key.isEmpty() ? Optional.empty() : users.login(key);
    }

    /**
     * A refused login, by the e-mail as typed: the entry names the user only when the e-mail is
     * one; the reason is for administrators (the caller is told only that it failed).
     */
    private void failed(String email, String address, Optional<UserRepository.Login> login, String reason) {
        var actor = new Actor(null, email.isEmpty() ? "unknown" : email, address);
        audit.record(actor, AuditKind.SIGN_IN_FAILED, login.map(l -> AuditLog.user(l.user().id())).orElse(null), java.util.Map.of("reason", reason));
    }

    /** A refused login, for the operators: a rising rate is someone guessing passwords. */
    private void countFailure(ErrorCode code) {
        Counter.builder("sweep.login.failures").description("Browser logins refused, by the answer's code")
                .tag("code", code.code()).register(meters).increment();
    }

    private static boolean decoy(String password) {
        Passwords.verifyDecoy(password);
        return false;
    }

    /** The live session this cookie names, refreshed; empty when unknown, idle too long, or its user is inactive. */
    public Optional<Session> current(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) return Optional.empty();
        String hash = Tokens.hash(cookieValue);
        var row = sessions.find(hash);
        if (row.isEmpty()) return Optional.empty();
        OffsetDateTime now = now();
        OffsetDateTime lastSeen = row.get().lastSeenTime();
        if (!lastSeen.plus(idleTimeout).isAfter(now)) {
            sessions.delete(hash);
            return Optional.empty();
        }
        var user = users.byId(row.get().userId()).filter(User::active);
        if (user.isEmpty()) return Optional.empty();
        if (!lastSeen.plus(TOUCH_EVERY).isAfter(now)) sessions.touch(hash, now);
        return Optional.of(new Session(hash, user.get(), row.get().csrfToken()));
    }

    public void end(Session session, String clientAddress) {
        sessions.delete(session.idHash());
        User user = session.user();
        audit.record(Actor.user(user.id(), user.email(), clientAddress), AuditKind.SIGN_OUT, AuditLog.user(user.id()));
    }

    /** Ends every session of a user: after a new password, or when the user is deactivated. */
    public void endAllOf(long userId) {
        sessions.deleteForUser(userId);
    }

    /**
     * Seconds until a new attempt is allowed, 0 when it is: the oldest of the last N failures
     * leaves the window then.
     */
    private long retryAfterSeconds(String email, String address, OffsetDateTime now) {
        OffsetDateTime since = now.minus(THROTTLE_WINDOW);
        long wait = Math.max(
                wait(failures.latestForEmailAt(email, address, since, MAX_FAILURES_PER_EMAIL_AND_ADDRESS), MAX_FAILURES_PER_EMAIL_AND_ADDRESS, now),
                wait(failures.latestForAddress(address, since, MAX_FAILURES_PER_ADDRESS), MAX_FAILURES_PER_ADDRESS, now));
        return wait;
    }

    private static long wait(List<OffsetDateTime> latest, int limit, OffsetDateTime now) {
        if (latest.size() < limit) return 0;
        OffsetDateTime free = latest.get(limit - 1).plus(THROTTLE_WINDOW);
        long millis = Duration.between(now, free).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
