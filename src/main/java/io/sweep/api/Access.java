package io.sweep.api;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.sweep.auth.Scopes;
import io.sweep.crm.Module;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Who may call a route, declared where the route is registered (the route's Javalin role) and
 * enforced by {@link AccessGate} before its handler runs: nobody in particular, the browser
 * session of the cookie, or a signed-in caller whose token holds every scope named here, and for
 * {@link Who#ADMINISTRATOR} the Administrator profile too. A scope may name {@code {module}}: the
 * module the route names (its path, a parameter, the rule it runs), or any module when it names
 * none. What a caller may do with one record, job or view stays with the domain.
 */
public record Access(Who who, List<String> scopes, ModuleOf module) implements RouteRole {
    public static final String MODULE = "{module}";

    public enum Who {
        /** No caller is checked: the health check, the login, and signed webhooks. */
        PUBLIC,
        /** The browser session of the cookie, which the session routes read themselves (tokens have none). */
        SESSION,
        /** A token or a browser session, holding the route's scopes. */
        SIGNED_IN,
        /** As {@link #SIGNED_IN}, with the Administrator profile. */
        ADMINISTRATOR,
        /**
         * The command line on this machine: a loopback caller holding the key the server wrote
         * beside its H2 file, readable by the server's own user only (see {@link CommandLineApi}).
         */
        LOCAL_COMMAND_LINE
    }

    /** The module a request names, or null when it names none; an unknown module is the resolver's own error. */
    @FunctionalInterface
    public interface ModuleOf {
        Module of(Context ctx);
    }

    public Access {
        scopes = List.copyOf(scopes);
    }

    public static Access open() {
        return new Access(Who.PUBLIC, List.of(), null);
    }

    public static Access localCommandLine() {
        return new Access(Who.LOCAL_COMMAND_LINE, List.of(), null);
    }

    public static Access session() {
        return new Access(Who.SESSION, List.of(), null);
    }

    /** Signed in, with every one of these scopes (Zoho's or Sweep's names; {@code {module}} for the named module). */
    public static Access scopes(String... scopes) {
        if (scopes.length == 0) throw new IllegalArgumentException("a signed-in route names the scope it needs");
        return new Access(Who.SIGNED_IN, List.of(scopes), null);
    }

    /** As {@link #scopes}, for callers with the Administrator profile only. */
    public static Access administrator(String... scopes) {
        if (scopes.length == 0) throw new IllegalArgumentException("a signed-in route names the scope it needs");
        return new Access(Who.ADMINISTRATOR, List.of(scopes), null);
    }

    /** Where the route names its module, for the scopes with {@code {module}}. */
    public Access module(ModuleOf resolver) {
        return new Access(who, scopes, resolver);
    }

    public boolean signedIn() {
        return who == Who.SIGNED_IN || who == Who.ADMINISTRATOR;
    }

    /**
     * Whether {@code granted} holds {@code scope}: for the named module when there is one,
     * otherwise for at least one of {@code modules} (a per-module token is let through and the
     * handler narrows what it shows to its modules).
     */
    static boolean holds(Scopes granted, String scope, Module named, Collection<Module> modules) {
        if (!scope.contains(MODULE)) return granted.covers(scope);
        if (named != null) return granted.covers(scope.replace(MODULE, named.scopeName()));
        return modules.stream().anyMatch(m -> granted.covers(scope.replace(MODULE, m.scopeName())));
    }

    /** One line of the route table: who, and the scopes. */
    public String describe() {
        return switch (who) {
            case PUBLIC -> "public";
            case SESSION -> "browser session";
            case SIGNED_IN -> String.join(" + ", scopes);
            case ADMINISTRATOR -> String.join(" + ", scopes) + ", Administrator profile";
            case LOCAL_COMMAND_LINE -> "the command line on this machine (the key beside the H2 file)";
        };
    }

    @Override
    public String toString() {
        return who.name().toLowerCase(Locale.ROOT) + " " + scopes;
    }
}
