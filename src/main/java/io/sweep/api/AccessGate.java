package io.sweep.api;

import io.javalin.http.Context;
import io.sweep.auth.Authenticator;
import io.sweep.auth.Principal;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.MDC;

/**
 * Runs before every matched route and enforces the {@link Access} it was registered with:
 * authenticates the caller, resolves the module the request names, checks the scopes and the
 * profile, and hands the caller (and module) to the handler. A route registered without an
 * access is refused, so a forgotten declaration fails closed.
 */
public final class AccessGate {
    private static final String PRINCIPAL = "sweep.principal";
    private static final String MODULE = "sweep.module";

    private final Authenticator authenticator;
    private final Metadata metadata;
    private final TokenRateLimits rateLimits;
    private final CommandLineKey commandLineKey;

    /** The header the local command line's key comes in, and whether a key is the one the server published (none is, when it published none). */
    public record CommandLineKey(String header, Predicate<String> accepts) {
        public static final CommandLineKey NONE = new CommandLineKey("X-None", key -> false);
    }

    public AccessGate(Authenticator authenticator, Metadata metadata, TokenRateLimits rateLimits, CommandLineKey commandLineKey) {
        this.authenticator = authenticator;
        this.metadata = metadata;
        this.rateLimits = rateLimits;
        this.commandLineKey = commandLineKey;
    }

    public void check(Context ctx) {
        Access access = declared(ctx);
        if (access == null) throw new IllegalStateException("no access declared for " + ctx.method() + " " + ctx.endpoint().path);
        if (access.who() == Access.Who.LOCAL_COMMAND_LINE) {
            // the key alone is not enough: it must come from this machine, never across the network
            if (!loopback(ctx) || !commandLineKey.accepts().test(ctx.header(commandLineKey.header()))) throw new ApiException(ErrorCode.PERMISSION_DENIED);
            return;
        }
        if (!access.signedIn()) return;
        Authenticator.Caller caller = authenticator.identify(SessionCookie.credentials(ctx));
        Principal p = caller.principal();
        // from here on, what this request logs names its caller (the access log line too)
        MDC.put(AccessLog.USER_KEY, String.valueOf(p.user().id()));
        if (caller.tokenId() != null) {
            MDC.put(AccessLog.TOKEN_KEY, String.valueOf(caller.tokenId()));
            // API clients are limited per token; a browser session is one person clicking
            rateLimits.admit(ctx, caller.tokenId());
        }
        Module module = access.module() == null ? null : access.module().of(ctx);
        for (String scope : access.scopes()) {
            if (!Access.holds(p.scopes(), scope, module, metadata.modules())) {
                String named = module == null ? scope : scope.replace(Access.MODULE, module.scopeName());
                throw new ApiException(ErrorCode.OAUTH_SCOPE_MISMATCH, Map.of("scope", named));
            }
        }
        if (access.who() == Access.Who.ADMINISTRATOR && !p.profile().administrator()) throw new ApiException(ErrorCode.PERMISSION_DENIED);
        ctx.attribute(PRINCIPAL, p);
        if (module != null) ctx.attribute(MODULE, module);
    }

    private static boolean loopback(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * For a route whose request may ask for more than its declared access covers (a rule preview
     * that carries unsaved source asks what saving the rule asks): the caller the gate let through
     * must also hold {@code stronger}, which names no {@code {module}} scope. {@code 401}/{@code 403}
     * as the gate answers.
     */
    public static void requireAlso(Context ctx, Access stronger) {
        if (!stronger.signedIn()) throw new IllegalArgumentException("a stronger access is a signed-in one");
        Principal p = principal(ctx);
        for (String scope : stronger.scopes()) {
            if (scope.contains(Access.MODULE)) throw new IllegalArgumentException("a stronger access names no module scope: " + scope);
            if (!p.scopes().covers(scope)) throw new ApiException(ErrorCode.OAUTH_SCOPE_MISMATCH, Map.of("scope", scope));
        }
        if (stronger.who() == Access.Who.ADMINISTRATOR && !p.profile().administrator()) throw new ApiException(ErrorCode.PERMISSION_DENIED);
    }

    /** The access a route was registered with, or null. */
    public static Access declared(Context ctx) {
        return ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(null);
    }

    /** The caller the gate let through; only on routes that need one. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) throw new IllegalStateException("route " + ctx.path() + " is not declared as signed in");
        return p;
    }

    /** The module the request names, as the gate resolved it, or null. */
    public static Module module(Context ctx) {
        return ctx.attribute(MODULE);
    }
}
